import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { releaseSource } from '../../../scripts/sources/release/index.ts';

/** The changelog a repo root holding these files yields. */
async function discovered(names: string[]): Promise<string[]> {
  const repoRoot = await mkdtemp(path.join(tmpdir(), 'handover-changelog-'));
  try {
    for (const name of names) await writeFile(path.join(repoRoot, name), '## 1.0.0\n');
    return await releaseSource.discover({ repoRoot, config: ConfigSchema.parse({}) });
  } finally {
    await rm(repoRoot, { recursive: true, force: true });
  }
}

describe('finding the changelog', () => {
  it.each([
    [['README.md', 'CHANGELOG.md', 'HISTORY.md'], ['CHANGELOG.md']],
    [['changelog.md'], ['changelog.md']],
    [['CHANGELOG'], ['CHANGELOG']],
    [['History.md', 'CHANGES.md'], ['History.md']],
    [['CHANGES.md'], ['CHANGES.md']],
    [['README.md', 'RELEASE_NOTES.txt'], []],
  ])('%j -> %j', async (names, expected) => {
    expect(await discovered(names)).toEqual(expected);
  });
});
