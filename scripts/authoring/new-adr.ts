import path from 'node:path';
import type { FileChange } from './append-debt-item.ts';
import { fillAdrTemplate } from './fill-template.ts';
import { adrLink, appendToStatusSection, appendUnderTitle, markSuperseded } from './supersede-adr.ts';

/** The two ADR layouts Handover writes: Nygard's (as adr-tools does) and MADR 3/4. */
export type AdrFormat = 'nygard' | 'madr';

/** An ADR already in the folder: its repo-relative path, number, title and text. */
export interface ExistingAdr {
  path: string;
  number: number;
  title: string;
  text: string;
}

/** The number in an ADR file name (`0004-x.md`, `adr-004-x.md`), or null (templates, indexes, log4brains dates). */
export function adrNumberOfFile(fileName: string): number | null {
  const match = /^(?:adr[-_]?)?(\d{1,5})[-_]/i.exec(fileName);
  return match ? Number(match[1]) : null;
}

/** The next ADR number: the highest in the folder plus one, as adr-tools counts. */
export function nextAdrNumber(numbers: readonly number[]): number {
  return Math.max(0, ...numbers) + 1;
}

/** adr-tools' file-name slug: runs of anything but ASCII letters and digits become one dash. */
export function adrSlug(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
}

/** True when a file is a MADR (front matter with a status, or MADR's section names). */
export function isMadr(text: string): boolean {
  const frontMatter = /^---[ \t]*\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return /^status\s*:/im.test(frontMatter) || /^##\s*(context and problem statement|decision outcome|considered options)\s*$/im.test(text) || /^\s*[*-]\s*status\s*:/im.test(text);
}

/** The folder's format: that of its highest-numbered ADR, else of its template, else Nygard's. */
export function detectAdrFormat(existing: readonly ExistingAdr[], template: string | null): AdrFormat {
  const latest = [...existing].sort((a, b) => b.number - a.number)[0];
  const sample = latest?.text ?? template;
  return sample !== null && sample !== undefined && isMadr(sample) ? 'madr' : 'nygard';
}

/** What `handover adr new` was asked to write. */
export interface NewAdrRequest {
  /** Repo-relative ADR folder. */
  folder: string;
  title: string;
  date: string;
  /** `accepted` or `proposed`, written as the format writes it. */
  status: string;
  format: AdrFormat;
  /** The template text, with adr-tools' NUMBER, TITLE, DATE and STATUS placeholders. */
  template: string;
  existing: readonly ExistingAdr[];
  supersedes?: number;
}

/** The files to write, or a problem to report (with its hint) instead. */
export type NewAdrResult = { changes: FileChange[] } | { problem: string };

/** Plans a new ADR (and the update of the one it supersedes). Pure: texts in, texts out. */
export function planNewAdr(request: NewAdrRequest): NewAdrResult {
  const number = nextAdrNumber(request.existing.map((adr) => adr.number));
  // The width the folder already uses (`003-x.md`), else adr-tools' four digits.
  const latest = [...request.existing].sort((a, b) => b.number - a.number)[0];
  const width = (latest && /^(?:adr[-_]?)?(\d+)/i.exec(path.posix.basename(latest.path))?.[1]?.length) || 4;
  const fileNumber = String(number).padStart(width, '0');
  const newPath = path.posix.join(request.folder, `${fileNumber}-${adrSlug(request.title) || 'decision'}.md`);
  const status = request.format === 'madr' ? request.status.toLowerCase() : request.status.charAt(0).toUpperCase() + request.status.slice(1).toLowerCase();
  let text = fillAdrTemplate(request.template, { number, title: request.title, date: request.date, status });
  const changes: FileChange[] = [];
  if (request.supersedes !== undefined) {
    const old = request.existing.find((adr) => adr.number === request.supersedes);
    if (!old) {
      const numbers = request.existing.map((adr) => adr.number).sort((a, b) => a - b);
      return { problem: `There is no ADR ${request.supersedes} in ${request.folder}${numbers.length > 0 ? ` (its ADRs are numbered ${numbers[0]} to ${numbers.at(-1)})` : ''}; give --supersedes the number of an existing ADR.` };
    }
    const supersedesLine = `Supersedes ${adrLink(old.number, old.title, relativeLink(newPath, old.path))}`;
    const withLink = request.format === 'madr' ? appendUnderTitle(text, supersedesLine) : appendToStatusSection(text, supersedesLine);
    if (withLink === null) return { problem: `The ADR template has no ${request.format === 'madr' ? '`# Title`' : '`## Status` section'} to put the "Supersedes" link in; add one to the template.` };
    text = withLink;
    const updated = markSuperseded(old.text, { number, title: request.title, href: relativeLink(old.path, newPath), fileNumber });
    if (updated === null) return { problem: `${old.path} states no status to mark as superseded; add a \`## Status\` section (or front matter \`status:\`) to it, then run the command again.` };
    changes.push({ path: old.path, text: updated, created: false, ref: null });
  }
  return { changes: [{ path: newPath, text: text.endsWith('\n') ? text : `${text}\n`, created: true, ref: String(number) }, ...changes] };
}

/** A link from one repo file to another, relative to the first's folder. */
function relativeLink(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to);
}
