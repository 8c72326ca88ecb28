import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unparsedFiles } from '../../../scripts/report/unparsed-files.ts';

describe('files in document folders that no source reads', () => {
  it('are accounted for as skipped, with the reason; dotfiles, subfolders and the root are not', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'handover-unparsed-'));
    try {
      await mkdir(path.join(repo, 'docs', 'adr', 'images'), { recursive: true });
      for (const file of ['docs/adr/0001-x.md', 'docs/adr/diagram.png', 'docs/adr/notes.txt', 'docs/adr/.adr-dir', 'docs/adr/images/a.png', 'TECH_DEBT.md', 'package.json']) await writeFile(path.join(repo, file), 'x');
      const files = [
        { path: 'docs/adr/0001-x.md', source: 'adr', outcome: 'record' as const, records: ['0001-x'], reason: null },
        { path: 'TECH_DEBT.md', source: 'debt', outcome: 'record' as const, records: ['td-1'], reason: null },
      ];
      expect(await unparsedFiles(repo, files)).toEqual([
        { path: 'docs/adr/diagram.png', source: 'adr', outcome: 'skipped', records: [], reason: 'an image: published when a document shows it' },
        { path: 'docs/adr/notes.txt', source: 'adr', outcome: 'skipped', records: [], reason: 'not a file an ADR is read from (.txt)' },
      ]);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
