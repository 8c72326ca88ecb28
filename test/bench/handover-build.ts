// Runs `handover build` as CI does (a child process through bin/handover.js) and reads the stage
// timings and cache status from the run report it leaves in the work dir.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measured } from './measure.ts';

const BIN = fileURLToPath(new URL('../../bin/handover.js', import.meta.url));

export interface RunReport {
  api: { cache: 'hit' | 'miss' | 'none'; seconds: number };
  timings?: { ingest: number; emit: number; astro: number; pagefind: number | null; mermaid?: number; ingestCache?: 'hit' | 'miss' };
}

export interface HandoverBuild extends Measured {
  run: RunReport | null;
}

/**
 * Builds `repo` into `out` with `workDir` as the work dir. `cold` empties the work dir first (no
 * TypeDoc, ingest or Astro caches), as on a fresh CI runner; otherwise the caches are reused.
 */
export async function buildHandover(repo: string, out: string, workDir: string, options: { cold: boolean }): Promise<HandoverBuild> {
  if (options.cold) await rm(workDir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  const measured = await measure(process.execPath, [BIN, 'build', '--repo', repo, '--out', out, '--work-dir', workDir], {
    env: { CI: '1', HANDOVER_TODAY: '2026-11-27', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const run = await readFile(path.join(workDir, 'cache', 'handover-run.json'), 'utf8').then((text) => JSON.parse(text) as RunReport, () => null);
  return { ...measured, run };
}
