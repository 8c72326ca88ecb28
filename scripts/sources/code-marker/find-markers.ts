import type { CodeMarker } from '../../model/schemas/debt.ts';

/** `TODO:`, `FIXME(BB-12):`, `HACK -`, `XXX` after a comment opener, or a JSDoc `@deprecated`. */
const MARKER = /(?:\/\/|\/\*|^\s*\*|#|--|<!--|;)\s*.*?\b(TODO|FIXME|HACK|XXX)\b(?:\([^)]*\))?[:\s-]*(.*)$/;
const DEPRECATED = /(?:^\s*\*|\/\*\*?|\/\/)\s*@deprecated\b\s*(.*)$/;

/** The debt markers in one source file's text, with their 1-based lines. Pure. */
export function findMarkers(text: string, file: string): CodeMarker[] {
  const markers: CodeMarker[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const found = MARKER.exec(line);
    const deprecated = found ? null : DEPRECATED.exec(line);
    if (!found && !deprecated) return;
    const marker = (found ? found[1] : 'DEPRECATED') as CodeMarker['marker'];
    const rest = (found ? found[2] : deprecated![1]) ?? '';
    markers.push({
      kind: 'code-marker',
      id: `${file}:${index + 1}`,
      marker,
      text: rest.replace(/\s*(\*\/|-->)\s*$/, '').trim(),
      added: null,
      refs: referencesNear(lines, index),
      source: { path: file, line: index + 1 },
    });
  });
  return markers;
}

/** True for minified or generated code: very long lines, where markers are not the team's. */
export function looksMinified(text: string): boolean {
  const lines = text.split('\n');
  const longest = Math.max(...lines.map((line) => line.length));
  return longest > 1000 || (lines.length < 5 && text.length > 5000);
}

/** Ticket-style references (`TD-003`) on a marker's line and the comment lines that follow it. */
function referencesNear(lines: readonly string[], index: number): string[] {
  const comment = [lines[index]!];
  for (const next of lines.slice(index + 1, index + 4)) {
    if (!/^\s*(\/\/|\*|#|--)/.test(next) || /\b(TODO|FIXME|HACK|XXX)\b|@deprecated/.test(next)) break;
    comment.push(next);
  }
  return [...new Set(comment.join('\n').match(/\b[A-Z][A-Z0-9]*-\d+\b/g) ?? [])];
}
