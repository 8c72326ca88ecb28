import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES } from '../../helpers/fixtures.ts';

// Expectations were written by reading each file, not by running the parser (see each `notes`).
const EXPECTATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'expectations');

interface Expected {
  repo: string;
  notDecisions: string[];
  adrs: {
    file: string; id: string; number: number | null; title: string; status: string | null; date: string | null;
    supersedes: string[]; supersededBy: string[]; amends: string[]; amendedBy: string[];
  }[];
}

const sets: Expected[] = readdirSync(EXPECTATIONS).filter((name) => name.endsWith('.json')).sort()
  .map((name) => JSON.parse(readFileSync(path.join(EXPECTATIONS, name), 'utf8')) as Expected);

describe.skipIf(!HAVE_FIXTURES)(`ADR corpus, file by file${HAVE_FIXTURES ? '' : ` (skipped: ${FIXTURES_SKIP_REASON})`}`, () => {
  describe.each(sets.map((set) => [set.repo, set] as const))('%s', (_repo, expected) => {
    const ingested = ingest(path.join(FIXTURES, expected.repo));

    it('recognises the files that are not decisions', async () => {
      const { report } = await ingested;
      // Images and other non-Markdown files in the folder are listed too (as not read); these are the documents.
      const skipped = report.files.filter((file) => file.source === 'adr' && file.outcome === 'skipped' && /\.(md|markdown|mdx)$/i.test(file.path)).map((file) => file.path).sort();
      expect(skipped).toEqual([...expected.notDecisions].sort());
    });

    it.each(expected.adrs.map((adr) => [adr.file, adr] as const))('%s', async (_file, adr) => {
      const { model } = await ingested;
      const actual = model.adrs.find((record) => record.source.path === adr.file);
      expect(actual, `${adr.file} was not read as an ADR`).toBeDefined();
      const pick = ({ id, number, title, status, date, supersedes, supersededBy, amends, amendedBy }: typeof adr) =>
        ({ id, number, title, status, date, supersedes, supersededBy, amends, amendedBy });
      expect(pick(actual as unknown as typeof adr)).toEqual(pick(adr));
    });
  });
});
