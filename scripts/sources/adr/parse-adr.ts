import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Adr } from '../../model/schemas/adr.ts';
import { frontMatterList, frontMatterText, lowerCaseKeys } from '../markdown/front-matter-values.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { normaliseDate } from '../shared/normalise-date.ts';
import type { ParseResult, SourceText } from '../types.ts';
import { isShownMetadataBlock, readBodyMetadata, splitList } from './adr-metadata.ts';
import { normaliseAdrStatus } from './adr-status.ts';
import { adrIdFromPath } from './adr-id.ts';

/** Parses one ADR file (Nygard/adr-tools, MADR 2-4 or log4brains layout) into a record. */
export function parseAdr(file: SourceText): ParseResult<Adr> {
  const parsed = parseMarkdown(file.text, file.path);
  const { tree, diagnostics } = parsed;
  // Front matter keys are matched case-insensitively (`Status:` and `status:` both occur).
  const data = lowerCaseKeys(parsed.data);
  if (tree.children.length === 0 && Object.keys(data).length === 0) {
    return { records: [], diagnostics, skipped: 'empty file' };
  }
  const at = (line: number | null | undefined) => ({ file: file.path, line: line ?? null });
  const fileName = file.path.split('/').pop()!;
  const heading = titleHeading(tree, typeof data.title === 'string');
  const writtenTitle = heading ? toString(heading).trim() : typeof data.title === 'string' ? data.title.trim() : '';
  if (!writtenTitle) {
    diagnostics.push(createDiagnostic(at(1), {
      severity: 'warning',
      code: 'adr/missing-title',
      message: 'This ADR has no `# Title` heading, so its file name is used as the title.',
      hint: 'Start the file with a level-1 heading naming the decision, e.g. `# 3. Use PostgreSQL for applications`.',
    }));
  }
  const body = readBodyMetadata(tree, heading);
  const frontStatus = frontMatterText(data.status);
  const statusText = frontStatus ?? body.statusText;
  const status = statusText ? normaliseAdrStatus(statusText) : null;
  if (statusText && !status) {
    diagnostics.push(createDiagnostic(at(frontStatus ? 1 : body.statusLine), {
      severity: 'warning',
      code: 'adr/unknown-status',
      message: `The status "${statusText}" is not one Handover knows, so the ADR is shown with no status.`,
      hint: 'Use one of: draft, proposed, accepted, rejected, deprecated, superseded (synonyms such as Approved or Pending work too).',
    }));
  }
  // A `Date:` written in the ADR is the decision date; front matter `date` is often the page's.
  const dateText = body.dateText ?? (data.date instanceof Date ? data.date : frontMatterText(data.date));
  const date = dateText ? normaliseDate(dateText) : null;
  if (dateText && !date) {
    diagnostics.push(createDiagnostic(at(1), {
      severity: 'warning',
      code: 'adr/invalid-date',
      message: `The date "${String(dateText)}" is not a date Handover can read.`,
      hint: 'Write dates as YYYY-MM-DD (2024-03-31); DD/MM/YYYY is read day-first.',
    }));
  }
  const title = cleanTitle(writtenTitle) || fileName.replace(/\.[^.]+$/, '');
  const record: Adr = {
    kind: 'adr',
    id: adrIdFromPath(file.path),
    number: numberFromFileName(fileName) ?? numberFromTitle(withoutStatusPrefix(writtenTitle)),
    title,
    status,
    statusText: statusText ?? null,
    date,
    deciders: unique([...frontMatterList(data.deciders ?? data['decision-makers'] ?? data.decisionmakers ?? data.decision_makers, splitList), ...body.deciders]),
    consulted: unique([...frontMatterList(data.consulted, splitList), ...body.consulted]),
    informed: unique([...frontMatterList(data.informed, splitList), ...body.informed]),
    tags: unique([...frontMatterList(data.tags, splitList), ...body.tags]),
    references: [...body.references, ...frontMatterReferences(data)],
    supersedes: [],
    supersededBy: [],
    amends: [],
    amendedBy: [],
    summary: summarise(tree),
    source: { path: file.path, line: heading?.position?.start.line ?? 1 },
    body: { type: 'root', children: withoutHeaderFields(tree, heading) } satisfies Root,
  };
  return { records: [record], diagnostics: diagnostics satisfies Diagnostic[] };
}

/**
 * The heading that titles the ADR: the first level-1 heading; failing that (and with no front
 * matter title), a heading of any level that opens the document (`## 006 - Choose X`).
 */
function titleHeading(tree: Root, hasFrontMatterTitle: boolean): Heading | undefined {
  const h1 = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  if (h1 || hasFrontMatterTitle) return h1;
  const first = tree.children.find((node) => node.type !== 'html' && node.type !== 'yaml');
  return first?.type === 'heading' ? first : undefined;
}

/** The body without the title and the preamble fields that the page header already shows. */
function withoutHeaderFields(tree: Root, heading: Heading | undefined): Root['children'] {
  const firstSection = tree.children.findIndex((node) => node.type === 'heading' && node.depth >= 2 && node !== heading);
  return tree.children.filter((node, index) => node !== heading && !((firstSection === -1 || index < firstSection) && isShownMetadataBlock(node)));
}



function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** "superseded-by: 0012" style front matter links (MADR and home-grown variants). */
function frontMatterReferences(data: Record<string, unknown>): Adr['references'] {
  const keys: [string, Adr['references'][number]['relation']][] = [
    ['superseded-by', 'supersededBy'], ['supersededBy', 'supersededBy'], ['superseded_by', 'supersededBy'],
    ['supersedes', 'supersedes'], ['amends', 'amends'], ['amended-by', 'amendedBy'],
  ];
  return keys.flatMap(([key, relation]) =>
    frontMatterList(typeof data[key] === 'number' ? String(data[key]) : data[key], splitList).map((value) => {
      const number = /^\D*(\d+)\D*$/.exec(value);
      return { relation, href: /\.md$/i.test(value) ? value : null, number: number ? Number(number[1]) : null, line: 1, inProse: false };
    }),
  );
}

const NUMBER_PREFIX = /^\s*\[?\s*(?:adr)?[\s_#-]*(\d+)\s*(?:[.:)\]–—-]\s*|\s+)/i;
/** `ADRxxx: Use X`, a template's placeholder number left in. */
const PLACEHOLDER_PREFIX = /^\s*adr[\s_-]*x+\s*[.:–—-]\s*/i;
/** `Architecture Decision Record: Use X`, `ADR: Use X`. */
const KIND_PREFIX = /^\s*(?:architecture\s+decision(?:\s+record)?|adr)\s*[:–—-]\s*/i;
/** `[Superseded by ADR-0019] Use X`: a status some teams put in the title. */
const STATUS_PREFIX = /^\s*\[\s*(?:superseded|superceded|deprecated|rejected|accepted|proposed|draft|obsolete|replaced)\b[^\]]*\]\s*/i;

function withoutStatusPrefix(title: string): string {
  return title.replace(STATUS_PREFIX, '');
}

/** "3. Use X", "ADR-003: Use X", "ADR019: Use X" -> "Use X". */
export function stripNumberPrefix(title: string): string {
  return title.replace(NUMBER_PREFIX, '').replace(PLACEHOLDER_PREFIX, '').trim();
}

/** The plain title: no status in brackets, no number, no "Architecture Decision Record:" label. */
export function cleanTitle(title: string): string {
  return stripNumberPrefix(withoutStatusPrefix(title)).replace(KIND_PREFIX, '').trim();
}

function numberFromTitle(title: string): number | null {
  const match = NUMBER_PREFIX.exec(title);
  return match ? Number(match[1]) : null;
}

function numberFromFileName(fileName: string): number | null {
  // 0001-x.md, adr-001-x.md, ADR_12_x.md; not log4brains dates (20200101-x.md).
  const match = /^(?:adr[-_]?)?(\d{1,5})(?:[-_.\s]|$)/i.exec(fileName);
  return match ? Number(match[1]) : null;
}

/** The first paragraph of the Context section, or else the first prose paragraph. */
function summarise(tree: Root): string | null {
  const children = tree.children;
  const contextIndex = children.findIndex((node) => node.type === 'heading' && /context/i.test(toString(node)));
  const candidates = contextIndex === -1 ? children : children.slice(contextIndex + 1);
  for (const node of candidates) {
    if (contextIndex !== -1 && node.type === 'heading') break;
    if (node.type !== 'paragraph') continue;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text && !/^(status|date|deciders|tags|technical story)\s*:/i.test(text)) return text.length > 280 ? `${text.slice(0, 277)}...` : text;
  }
  return null;
}
