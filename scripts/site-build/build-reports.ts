import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildReport, PublishedReport } from '../report/build-report.ts';

/** Facts about one run that differ between identical builds (cache use, timings). */
export interface RunFacts {
  /** Whether TypeDoc's cached output was reused (`hit`), produced (`miss`), or not needed. */
  apiCache: BuildReport['api']['cache'];
  /** Seconds TypeDoc took (0 on a cache hit). */
  apiSeconds: number;
  /** Whether the parse results of the last build were reused: all (`hit`), some, none, or `off`. */
  parseCache?: string;
  /** Seconds each stage took (ingest includes TypeDoc; astro includes Pagefind), for `npm run bench`. */
  timings?: StageTimings;
}

/** Wall-clock seconds per stage of one build. */
export interface StageTimings {
  ingest: number;
  emit: number;
  astro: number;
  /** Pagefind's own time inside the Astro build, as Starlight reports it; null if not seen. */
  pagefind: number | null;
  /** The parse cache's use in the ingest stage (`hit` when every file came from it). */
  ingestCache?: string;
}

/** Name of the run report, kept in the cache folder of the work dir, never published. */
export const RUN_REPORT = 'handover-run.json';

/**
 * The report as published with the site: only facts that follow from the input, so the same input
 * gives the same bytes. The cache status (which differs between a cold and a warm build) is left
 * out; it is in the run report.
 */
export function publishedReport(report: BuildReport): PublishedReport {
  const { cache, ...api } = report.api;
  void cache;
  return { ...report, api };
}

/** Writes `handover-report.json` into the site and the run report into `cacheDir`; returns both paths. */
export async function writeBuildReports(report: BuildReport, run: RunFacts, siteDir: string, cacheDir: string): Promise<{ published: string; run: string }> {
  const published = path.join(siteDir, 'handover-report.json');
  const runFile = path.join(cacheDir, RUN_REPORT);
  await Promise.all([mkdir(siteDir, { recursive: true }), mkdir(cacheDir, { recursive: true })]);
  await writeFile(published, `${JSON.stringify(publishedReport(report), null, 2)}\n`);
  const round = (seconds: number | null) => (seconds === null ? null : Number(seconds.toFixed(2)));
  const timings = run.timings && { ingest: round(run.timings.ingest), emit: round(run.timings.emit), astro: round(run.timings.astro), pagefind: round(run.timings.pagefind), ...(run.timings.ingestCache ? { ingestCache: run.timings.ingestCache } : {}) };
  const runReport = { api: { cache: run.apiCache, seconds: Number(run.apiSeconds.toFixed(2)) }, ...(run.parseCache ? { parseCache: run.parseCache } : {}), ...(timings ? { timings } : {}), summary: report.summary };
  await writeFile(runFile, `${JSON.stringify(runReport, null, 2)}\n`);
  return { published, run: runFile };
}

/**
 * Writes the report of a build stopped before publishing (a secret found) into `cacheDir`, the
 * work dir, since `--out` is left as it was; returns its path. It names files, lines and kinds of
 * secret, never a secret.
 */
export async function writeBlockedReport(report: BuildReport, cacheDir: string): Promise<string> {
  const file = path.join(cacheDir, 'handover-report.json');
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(publishedReport(report), null, 2)}\n`);
  return file;
}
