import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

interface Identified {
  id: string;
  source: { path: string; line?: number | null } | null;
}

/**
 * Gives every record of one kind a distinct id (the id is its page URL). Two files whose names
 * differ only in case (`Disk-Full.md`, `disk-full.md`) slugify to the same id: without this the
 * second page would silently overwrite the first, and URLs that differ only in case break on
 * case-insensitive hosts. The first file in path order keeps the id; the others get `-2`, `-3`.
 */
export function uniqueIds<TRecord extends Identified>(records: readonly TRecord[], kind: string): { records: TRecord[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const taken = new Set(records.map((record) => record.id.toLowerCase()));
  const firstPath = new Map<string, string>();
  const pathOf = (record: TRecord) => record.source?.path ?? '';
  const ordered = [...records].sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
  const renamed = new Map<TRecord, TRecord>();
  for (const record of ordered) {
    const key = record.id.toLowerCase();
    const first = firstPath.get(key);
    if (first === undefined || first === pathOf(record)) {
      firstPath.set(key, pathOf(record));
      continue;
    }
    let suffix = 2;
    while (taken.has(`${key}-${suffix}`)) suffix += 1;
    const id = `${record.id}-${suffix}`;
    taken.add(id.toLowerCase());
    renamed.set(record, { ...record, id });
    diagnostics.push(createDiagnostic({ file: record.source?.path ?? null, line: record.source?.line ?? null }, {
      severity: 'warning',
      code: `${kind}/duplicate-id`,
      message: `This file's page would have the same address as ${first}'s (\`${record.id}\`), so it is published as \`${id}\`.`,
      hint: 'Rename one of the files so their names differ by more than letter case.',
    }));
  }
  return { records: records.map((record) => renamed.get(record) ?? record), diagnostics };
}
