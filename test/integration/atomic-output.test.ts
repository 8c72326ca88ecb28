import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

// The site is built beside --out and swapped in only when the whole build succeeded.
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-atomic-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('handover build --out', () => {
  it('leaves the previous site untouched when the build fails, and replaces it when one succeeds', async () => {
    const out = path.join(scratch, 'site');
    const work = path.join(scratch, 'work');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'marker.txt'), 'the previous site');
    // A damaged cache (a folder where Astro keeps its data store file) makes Astro fail mid-build.
    await mkdir(path.join(work, 'cache', 'data-store.json'), { recursive: true });

    const failed = await runCli(['build', '--out', out, '--work-dir', work]);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/The site build failed .* was left as it was/);
    expect(await readdir(out)).toEqual(['marker.txt']);
    expect((await readdir(scratch)).sort()).toEqual(['site', 'work']);

    await rm(path.join(work, 'cache', 'data-store.json'), { recursive: true });
    const built = await runCli(['build', '--out', out, '--work-dir', work]);
    expect(built.code).toBe(0);
    expect(existsSync(path.join(out, 'marker.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(out, 'handover-report.json'))).toBe(true);
    expect((await readdir(scratch)).sort()).toEqual(['site', 'work']);
  }, 300_000);
});
