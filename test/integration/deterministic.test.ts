import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles } from '../helpers/compare-folders.ts';
import { runCli } from '../helpers/run-cli.ts';

// The same input must give a byte-identical site: from a cold work dir, from another cold one, and
// from a warm one (TypeDoc and Astro caches reused). run-cli fixes HANDOVER_TODAY.
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-deterministic-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function build(out: string, work: string) {
  const result = await runCli(['build', '--out', path.join(scratch, out), '--work-dir', path.join(scratch, work)]);
  if (result.code !== 0) throw new Error(`Building the demo into ${out} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return path.join(scratch, out);
}

describe('handover build of the same input', () => {
  it('writes byte-identical sites from fresh work dirs and from a warm one', async () => {
    const first = await build('first', 'work-first');
    const second = await build('second', 'work-second');
    const warm = await build('warm', 'work-first');
    expect(await differingFiles(first, second), 'files that differ between two cold builds').toEqual([]);
    expect(await differingFiles(first, warm), 'files that differ between a cold and a warm build').toEqual([]);
  }, 400_000);
});
