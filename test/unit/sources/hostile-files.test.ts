import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEntryPoints } from '../../../scripts/sources/api/entry-points.ts';
import { parseMarkdown } from '../../../scripts/sources/markdown/parse-markdown.ts';
import { readSourceFile, sourceFileReader } from '../../../scripts/sources/read-source-file.ts';
import { uniqueIds } from '../../../scripts/model/unique-ids.ts';

let scratch: string;
let repo: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-files-'));
  repo = path.join(scratch, 'repo');
  await mkdir(path.join(repo, 'src'), { recursive: true });
  await writeFile(path.join(scratch, 'outside.ts'), 'export const secret = 1;\n');
  await symlink(path.join(scratch, 'outside.ts'), path.join(repo, 'src', 'index.ts'));
  await writeFile(path.join(repo, 'big.md'), 'x'.repeat(2048));
  await mkdir(path.join(scratch, 'elsewhere'));
  await writeFile(path.join(scratch, 'elsewhere', 'notes.md'), '# Not in the repo\n');
  await symlink(path.join(scratch, 'elsewhere'), path.join(repo, 'linked-docs'));
  await mkdir(path.join(repo, 'docs', 'real'), { recursive: true });
  await writeFile(path.join(repo, 'docs', 'real', 'adr.md'), '# In the repo\n');
  await symlink('real', path.join(repo, 'docs', 'alias'));
  await symlink('real/adr.md', path.join(repo, 'docs', 'link.md'));
  execFileSync('mkfifo', [path.join(repo, 'pipe.md')]);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('reading repository files', () => {
  it('skips a file above the size limit before reading it, naming the limit', async () => {
    const read = await readSourceFile(repo, 'big.md', 1024);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.diagnostic).toMatchObject({ code: 'source/too-large', message: 'The file is 2 KB, above the 1 KB limit (`limits.maxFileSize`), so it was skipped.' });
    expect((await readSourceFile(repo, 'big.md')).ok).toBe(true);
  });

  it('refuses a named pipe instead of waiting on it, and a symlink out of the repository', async () => {
    const pipe = await readSourceFile(repo, 'pipe.md');
    expect(pipe.ok ? null : pipe.diagnostic.code).toBe('source/not-a-file');
    const linked = await readSourceFile(repo, 'src/index.ts');
    expect(linked.ok ? null : linked.diagnostic.code).toBe('source/outside-repo');
  });

  it('refuses a file in a linked folder that leads out of the repository, and reads links that stay inside', () => {
    const read = sourceFileReader(repo);
    const outside = read('linked-docs/notes.md');
    expect(outside.ok ? null : outside.diagnostic.code).toBe('source/outside-repo');
    expect(read('docs/alias/adr.md')).toEqual({ ok: true, text: '# In the repo\n' });
    expect(read('docs/link.md')).toEqual({ ok: true, text: '# In the repo\n' });
    const missing = read('docs/real/missing.md');
    expect(missing.ok ? null : missing.diagnostic.code).toBe('source/unreadable');
  });

  it('never gives TypeDoc an entry point outside the repository', async () => {
    expect((await findEntryPoints(repo, ['src/index.ts', '../outside.ts'])).files).toEqual([]);
    expect((await findEntryPoints(repo, undefined)).files).toEqual([]);
  });
});

describe('Markdown structure', () => {
  it('flattens nesting past 40 levels to text, with one warning at its line', () => {
    const list = Array.from({ length: 500 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');
    const { tree, diagnostics } = parseMarkdown(`# Deep\n\n${list}\n`, 'deep.md');
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line])).toEqual([["markdown/too-deeply-nested", 22]]);
    let depth = 0;
    for (let node: { children?: unknown[] } = tree; node.children?.length; node = node.children.at(-1) as { children?: unknown[] }) depth += 1;
    expect(depth).toBeLessThanOrEqual(41);
    expect(JSON.stringify(tree)).toContain('level 500');
  });

  it('gives files whose names differ only in case distinct ids, first in path order keeps it', () => {
    const records = [
      { id: 'disk-full', source: { path: 'docs/runbooks/disk-full.md' } },
      { id: 'disk-full', source: { path: 'docs/runbooks/Disk-Full.md' } },
      { id: 'disk-full-2', source: { path: 'docs/runbooks/disk-full-2.md' } },
    ];
    const { records: unique, diagnostics } = uniqueIds(records, 'runbook');
    expect(unique.map((record) => record.id)).toEqual(['disk-full-3', 'disk-full', 'disk-full-2']);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.file])).toEqual([['runbook/duplicate-id', 'docs/runbooks/disk-full.md']]);
  });
});
