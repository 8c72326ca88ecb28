import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES } from './run-cli.ts';

/** True when the shared real-world corpus is beside this clone (it is in CI). */
export const HAVE_FIXTURES = existsSync(path.join(FIXTURES, 'MANIFEST.md'));

/** Why corpus tests skip, printed once so a skip is never silent. */
export const FIXTURES_SKIP_REASON = `the real-world corpus is not at ${FIXTURES} (it sits beside the clone in CI); corpus tests are skipped`;

if (!HAVE_FIXTURES) console.warn(`handover tests: ${FIXTURES_SKIP_REASON}`);

/** Reads a corpus file as a source would see it: repo-relative path and text. */
export async function readFixture(repo: string, repoPath: string): Promise<{ path: string; text: string }> {
  return { path: repoPath, text: (await readFile(path.join(FIXTURES, repo, repoPath), 'utf8')).replace(/\r\n?/g, '\n') };
}

export { FIXTURES };
