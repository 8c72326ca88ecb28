import { slug } from 'github-slugger';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isMap, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { parseMarkdown } from '../sources/markdown/parse-markdown.ts';
import { fieldOfColumn, type DebtField } from '../sources/debt/debt-fields.ts';

/** What a new debt item says. */
export interface NewDebtItem {
  title: string;
  status?: string;
  taken: string;
  reason?: string;
  impact?: string;
  owner?: string;
  decision?: string;
}

/** A file to write: a new one, or a new version of an existing one. */
export interface FileChange {
  path: string;
  text: string;
  created: boolean;
  /** The reference given to the new item (`TD-007`), when the log uses references. */
  ref: string | null;
}

/** The next reference in a log's sequence: `TD-006` -> `TD-007`, `20` -> `21`, none -> `TD-001`. */
export function nextRef(refs: readonly string[]): string {
  const parsed = refs.map((ref) => /^(.*?)(\d+)$/.exec(ref.trim())).filter((match): match is RegExpExecArray => match !== null);
  if (parsed.length === 0) return 'TD-001';
  const last = parsed.reduce((best, match) => (Number(match[2]) > Number(best[2]) ? match : best));
  return `${last[1]}${String(Number(last[2]) + 1).padStart(last[2]!.length, '0')}`;
}

/**
 * Adds an item to an existing debt log in the format it already uses: a row at the end of a
 * register table, an entry in a YAML list, or a section in a prose log. Pure: text in, text out.
 */
export function appendToLog(path: string, text: string, item: NewDebtItem): FileChange {
  if (/\.ya?ml$/i.test(path)) return appendToYaml(path, text, item);
  const { tree } = parseMarkdown(text, path);
  const table = tree.children.find((node): node is Table => node.type === 'table' && (node.children[0]?.children ?? []).some((cell) => fieldOfColumn(toString(cell)) === 'title'));
  if (table) {
    const fields = table.children[0]!.children.map((cell) => fieldOfColumn(toString(cell)));
    const refColumn = fields.indexOf('ref');
    const ref = refColumn === -1 ? null : nextRef(table.children.slice(1).map((row) => toString(row.children[refColumn] ?? '')));
    const values: Partial<Record<DebtField, string>> = { ref: ref ?? undefined, title: item.title, status: item.status ?? 'Open', taken: item.taken, reason: item.reason, impact: item.impact, owner: item.owner, decision: item.decision };
    const row = `| ${fields.map((field) => escapeCell((field && values[field]) || '')).join(' | ')} |`;
    const lines = text.split('\n');
    const endLine = table.position!.end.line;
    lines.splice(endLine, 0, row);
    return { path, text: lines.join('\n'), created: false, ref };
  }
  const section = [`## ${item.title}`, '', `- Status: ${item.status ?? 'Open'}`, `- Taken: ${item.taken}`, ...optionalLines(item), '', item.reason ?? 'Why it was taken, what it costs, and how to pay it back.', ''];
  return { path, text: `${text.replace(/\n*$/, '\n\n')}${section.join('\n')}`, created: false, ref: null };
}

/** A new file for a folder that keeps one file per item (`docs/debt/0007-shared-db.md`). */
export function newItemFile(folder: string, existing: readonly string[], item: NewDebtItem): FileChange {
  const numbers = existing.map((file) => /^(\d+)-/.exec(file.split('/').pop() ?? '')?.[1]).filter((value): value is string => Boolean(value));
  const width = numbers[0]?.length ?? 4;
  const next = String(Math.max(0, ...numbers.map(Number)) + 1).padStart(width, '0');
  const front = [`title: ${JSON.stringify(item.title)}`, `status: ${item.status ?? 'open'}`, `taken: ${item.taken}`, ...(item.impact ? [`impact: ${JSON.stringify(item.impact)}`] : []), ...(item.owner ? [`owner: ${JSON.stringify(item.owner)}`] : []), ...(item.decision ? [`decision: ${JSON.stringify(item.decision)}`] : [])];
  const text = `---\n${front.join('\n')}\n---\n\n# ${item.title}\n\n## Why we took it on\n\n${item.reason ?? 'TODO: the reason.'}\n\n## What it costs\n\n## How to pay it back\n`;
  return { path: `${folder}/${next}-${slug(item.title)}.md`, text, created: true, ref: null };
}

/** A new register, for a repo with no debt log yet: `docs/debt/README.md`. */
export function newRegister(item: NewDebtItem): FileChange {
  const header = '| ID | Title | Status | Taken | Reason | Impact | Effort | Owner | Decision | Remediation |';
  const row = `| TD-001 | ${escapeCell(item.title)} | ${item.status ?? 'Open'} | ${item.taken} | ${escapeCell(item.reason ?? '')} | ${escapeCell(item.impact ?? '')} |  | ${escapeCell(item.owner ?? '')} | ${escapeCell(item.decision ?? '')} |  |`;
  const text = `# Technical debt register\n\nDebt the team took on knowingly: why, what it costs, and how to pay it back.\nAdd a row with \`handover debt new "Title"\`, or by hand.\n\n${header}\n| -- | ----- | ------ | ----- | ------ | ------ | ------ | ----- | -------- | ----------- |\n${row}\n`;
  return { path: 'docs/debt/README.md', text, created: true, ref: 'TD-001' };
}

function appendToYaml(path: string, text: string, item: NewDebtItem): FileChange {
  const document: Document = parseDocument(text);
  const list = isSeq(document.contents) ? document.contents : isMap(document.contents) ? (document.contents.get('items', true) ?? document.contents.get('debt', true)) : null;
  if (!isSeq(list)) throw new Error(`${path} is not a list of debt items; add the item by hand.`);
  const refs = list.items.map((entry) => (isMap(entry) ? String(entry.get('id') ?? '') : '')).filter(Boolean);
  const ref = refs.length > 0 ? nextRef(refs) : null;
  (list as YAMLSeq).add(document.createNode({ ...(ref ? { id: ref } : {}), title: item.title, status: item.status ?? 'open', taken: item.taken, ...(item.reason ? { reason: item.reason } : {}), ...(item.impact ? { impact: item.impact } : {}), ...(item.owner ? { owner: item.owner } : {}), ...(item.decision ? { decision: item.decision } : {}) }));
  return { path, text: document.toString(), created: false, ref };
}

function optionalLines(item: NewDebtItem): string[] {
  return [item.impact && `- Impact: ${item.impact}`, item.owner && `- Owner: ${item.owner}`, item.decision && `- Decision: ${item.decision}`].filter((line): line is string => Boolean(line));
}

function escapeCell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
