/** A Markdown link to an ADR, as adr-tools writes it: `[2. Use X](0002-use-x.md)`. */
export function adrLink(number: number, title: string, href: string): string {
  return `[${number}. ${title}](${href})`;
}

const STATUS_HEADING = /^#{2,3}\s*status\s*:?\s*$/i;
/** A status line that a superseding ADR replaces, as adr-tools removes "Accepted". */
const REPLACED_STATUS = /^\s*(accepted|proposed|approved|agreed|draft)\.?\s*$/i;

/** Adds a line at the end of the `## Status` section (Nygard); null when there is none. */
export function appendToStatusSection(text: string, line: string, replaceStatus = false): string | null {
  const lines = text.split('\n');
  const start = lines.findIndex((candidate) => STATUS_HEADING.test(candidate));
  if (start === -1) return null;
  let end = lines.findIndex((candidate, index) => index > start && /^#{1,3}\s/.test(candidate));
  if (end === -1) end = lines.length;
  let section = lines.slice(start + 1, end);
  if (replaceStatus) section = section.filter((candidate) => !REPLACED_STATUS.test(candidate));
  while (section.length > 0 && section.at(-1)!.trim() === '') section.pop();
  while (section.length > 0 && section[0]!.trim() === '') section.shift();
  const body = [...section, ...(section.length > 0 ? [''] : []), line];
  return [...lines.slice(0, start + 1), '', ...body, ...(end < lines.length ? [''] : []), ...lines.slice(end)].join('\n');
}

/** Links that sit under a MADR's title, each its own paragraph. */
const LINK_LINE = /^(supersedes|superseded by|amends|amended by|clarifies|clarified by)\b/i;

/** Adds a line under the `# Title` of a MADR (where MADR and log4brains put links); null with no title. */
export function appendUnderTitle(text: string, line: string): string | null {
  const lines = text.split('\n');
  const title = lines.findIndex((candidate) => /^#\s/.test(candidate));
  if (title === -1) return null;
  let end = title + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || LINK_LINE.test(lines[end]!))) end += 1;
  const links = [...lines.slice(title + 1, end).filter((candidate) => candidate.trim() !== ''), line];
  return [...lines.slice(0, title + 1), ...links.flatMap((link) => ['', link]), ...(end < lines.length ? [''] : []), ...lines.slice(end)].join('\n');
}

/**
 * Marks an ADR superseded by another, like `adr new -s N`: Nygard's status "Accepted" becomes
 * "Superseded by [...]"; a MADR's front matter `status:` (or MADR 2's `* Status:` bullet) says
 * "superseded by ADR-NNNN" and a link goes under the title. Null when the file states no status.
 */
export function markSuperseded(text: string, by: { number: number; title: string; href: string; fileNumber: string }): string | null {
  const link = `Superseded by ${adrLink(by.number, by.title, by.href)}`;
  const frontMatter = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(text);
  if (frontMatter && /^status\s*:/im.test(frontMatter[1]!)) {
    const front = frontMatter[1]!.replace(/^(status\s*:).*$/im, `$1 superseded by ADR-${by.fileNumber}`);
    const updated = `---\n${front}\n---${frontMatter[2]}${text.slice(frontMatter[0].length)}`;
    return appendUnderTitle(updated, link) ?? `${updated.replace(/\n*$/, '\n\n')}${link}\n`;
  }
  const bullet = /^(\s*[*-]\s*status\s*:\s*).*$/im;
  if (bullet.test(text)) return text.replace(bullet, `$1${link.replace(/^S/, 's')}`);
  return appendToStatusSection(text, link, true);
}
