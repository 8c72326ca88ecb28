import type { Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { slug } from 'github-slugger';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DebtItem } from '../../model/schemas/debt.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { normaliseDate } from '../shared/normalise-date.ts';
import type { ParseResult, SourceText } from '../types.ts';
import { fieldOfColumn, normaliseDebtStatus, type DebtField } from './debt-fields.ts';

type Fields = Partial<Record<DebtField, string>>;

/**
 * Parses a Markdown debt log: a register (a table whose columns map onto debt fields), one item
 * per file (front matter and text), or prose (each section heading an item).
 */
export function parseDebtMarkdown(file: SourceText, oneItemPerFile: boolean): ParseResult<DebtItem> {
  const { data, tree, diagnostics } = parseMarkdown(file.text, file.path);
  if (oneItemPerFile) {
    const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
    const fields: Fields = Object.fromEntries(Object.entries(data).flatMap(([key, value]) => {
      const field = key === 'id' ? 'ref' : fieldOfColumn(key.replace(/[-_]/g, ' '));
      return field && value != null ? [[field, Array.isArray(value) ? value.join(', ') : value instanceof Date ? value.toISOString().slice(0, 10) : String(value)]] : [];
    }));
    fields.title ??= heading ? toString(heading).trim() : file.path.split('/').pop()!.replace(/\.[^.]+$/, '');
    const body: Root = { type: 'root', children: tree.children.filter((node) => node !== heading) };
    return { records: [buildItem(fields, file.path, heading?.position?.start.line ?? 1, body, diagnostics)], diagnostics };
  }
  const registers = tree.children.filter((node): node is Table => node.type === 'table' && isRegister(node));
  if (registers.length > 0) {
    const records = registers.flatMap((table) => tableItems(table, file.path, diagnostics));
    return { records, diagnostics };
  }
  const records = proseItems(tree, file.path, diagnostics);
  if (records.length === 0) return { records, diagnostics, skipped: 'no debt items (no register table and no item headings)' };
  return { records, diagnostics };
}

/** Fields that make a table a register of items rather than notes (`Area | Observation | Advice`). */
const REGISTER_FIELDS = new Set<DebtField>(['ref', 'status', 'taken', 'impact', 'effort', 'owner', 'decision']);

/** A table is a register when its columns name a title and at least one register field. */
function isRegister(table: Table): boolean {
  const fields = (table.children[0]?.children ?? []).map((cell) => fieldOfColumn(toString(cell)));
  return fields.includes('title') && fields.some((field) => field !== null && REGISTER_FIELDS.has(field));
}

function tableItems(table: Table, file: string, diagnostics: Diagnostic[]): DebtItem[] {
  const [header, ...rows] = table.children;
  const fields = header!.children.map((cell) => fieldOfColumn(toString(cell)));
  return rows.flatMap((row) => {
    const line = row.position?.start.line ?? 1;
    if (row.children.length !== fields.length) {
      diagnostics.push(createDiagnostic({ file, line }, {
        severity: 'warning',
        code: 'debt/ragged-row',
        message: `This register row has ${row.children.length} cells but the table has ${fields.length} columns; cells were matched to columns from the left.`,
        hint: 'Give every row one cell per column (leave a cell empty rather than leaving it out).',
      }));
    }
    const values: Fields = {};
    row.children.forEach((cell, index) => {
      const field = fields[index];
      const text = toString(cell).trim();
      if (field && text && !/^[-–—]$|^n\/?a$/i.test(text)) values[field] = values[field] ? `${values[field]}; ${text}` : text;
    });
    if (!values.title && !values.ref) return [];
    values.title ??= values.ref!;
    return [buildItem(values, file, line, null, diagnostics)];
  });
}

/** Each section of a prose log is an item: its heading the title, its first paragraph the reason. */
function proseItems(tree: Root, file: string, diagnostics: Diagnostic[]): DebtItem[] {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const depth = headings.some((heading) => heading.depth === 2) ? 2 : headings.some((heading) => heading.depth === 3) ? 3 : 0;
  if (depth === 0) return [];
  const items: DebtItem[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth !== depth) return;
    const section: RootContent[] = [];
    for (const next of tree.children.slice(index + 1)) {
      if (next.type === 'heading' && next.depth <= depth) break;
      section.push(next);
    }
    const paragraphs = section.filter((child) => child.type === 'paragraph').map((child) => toString(child).replace(/\s+/g, ' ').trim());
    items.push(buildItem({ title: toString(node).trim(), reason: paragraphs[0] }, file, node.position?.start.line ?? 1, { type: 'root', children: section }, diagnostics));
  });
  return items;
}

/** Parses a YAML or JSON debt log: a list of items, or `{ items: [...] }`. */
export function itemsFromData(value: unknown, file: string, diagnostics: Diagnostic[]): DebtItem[] {
  const list = Array.isArray(value) ? value : Array.isArray((value as { items?: unknown })?.items) ? (value as { items: unknown[] }).items : Array.isArray((value as { debt?: unknown })?.debt) ? (value as { debt: unknown[] }).debt : null;
  if (!list) {
    diagnostics.push(createDiagnostic({ file, line: 1 }, { severity: 'error', code: 'debt/not-a-list', message: 'The debt log is not a list of items.', hint: 'Write it as a YAML list (`- title: ...`) or as `items:` holding one.' }));
    return [];
  }
  return list.flatMap((entry, index) => {
    if (!entry || typeof entry !== 'object') return [];
    const fields: Fields = {};
    for (const [key, raw] of Object.entries(entry as Record<string, unknown>)) {
      const field = key === 'id' ? 'ref' : fieldOfColumn(key.replace(/[-_]/g, ' '));
      if (field && raw != null) fields[field] = Array.isArray(raw) ? raw.join(', ') : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
    }
    if (!fields.title && !fields.ref) return [];
    fields.title ??= fields.ref!;
    return [buildItem(fields, file, 1 + index, null, diagnostics)];
  });
}

function buildItem(fields: Fields, file: string, line: number, body: Root | null, diagnostics: Diagnostic[]): DebtItem {
  const status = fields.status ? normaliseDebtStatus(fields.status) : null;
  if (fields.status && !status) {
    diagnostics.push(createDiagnostic({ file, line }, {
      severity: 'warning',
      code: 'debt/unknown-status',
      message: `The debt status "${fields.status}" is not one Handover knows, so the item is shown with no status.`,
      hint: 'Use open, accepted, in progress or paid.',
    }));
  }
  const taken = fields.taken ? normaliseDate(fields.taken) : null;
  if (fields.taken && !taken) {
    diagnostics.push(createDiagnostic({ file, line }, { severity: 'warning', code: 'debt/invalid-date', message: `The date "${fields.taken}" is not a date Handover can read.`, hint: 'Write dates as YYYY-MM-DD; DD/MM/YYYY is read day-first.' }));
  }
  return {
    kind: 'debt',
    id: slug(fields.ref ?? fields.title ?? 'debt') || 'debt',
    ref: fields.ref ?? null,
    title: fields.title ?? fields.ref ?? 'Untitled debt item',
    status,
    statusText: fields.status ?? null,
    taken,
    reason: fields.reason ?? null,
    impact: fields.impact ?? null,
    effort: fields.effort ?? null,
    owner: fields.owner ?? null,
    decision: null,
    decisionText: fields.decision ?? null,
    remediation: fields.remediation ?? null,
    locations: fields.location ? fields.location.split(/\s*[,;]\s*|\s+and\s+/).map((location) => location.replace(/`/g, '').trim()).filter(Boolean) : [],
    source: { path: file, line },
    body,
  };
}
