import { generateContent } from '../generate-content.ts';
import type { IngestResult } from '../ingest.ts';
import type { Reporter } from '../cli/reporter.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeBlockedReport, writeBuildReports, type StageTimings } from './build-reports.ts';
import { runAstro } from './run-astro.ts';

export interface BuildSiteOptions {
  repoRoot: string;
  contentDir: string;
  cacheDir: string;
  siteUrl: string | undefined;
  /** Base path of the site built, or a function of the model (a versioned build's `<base><version>/`). */
  base: string | ((ingested: IngestResult) => string);
  /** Where the site goes, given the ingested model (a versioned build writes into `<staging>/<version>/`). */
  siteDir: (ingested: IngestResult) => string;
  /** Versions for the switcher of a versioned build, given the ingested model. */
  versions?: (ingested: IngestResult) => { current: string; versions: string[]; root: string };
  /** Leave out internal documents (`--public`). */
  public?: boolean;
}

/** The outcome of one site build. */
export type BuiltSite =
  | { ok: true; generated: Awaited<ReturnType<typeof generateContent>>; siteDir: string; reports: { published: string; run: string } }
  | { ok: false; code: number; tail: string[] }
  /** Secrets would have been published: nothing was built; the report (secrets masked) is in the work dir. */
  | { ok: false; secrets: Diagnostic[]; report: string };

/** Generates content, runs Astro (with Starlight's Pagefind) into the site folder, and writes the reports. */
export async function buildSite(options: BuildSiteOptions, reporter: Reporter): Promise<BuiltSite> {
  let siteBase = '/';
  const stages = timeSteps(reporter);
  const generated = await generateContent({
    repoRoot: options.repoRoot,
    contentDir: options.contentDir,
    cacheDir: options.cacheDir,
    base: (ingested) => (siteBase = typeof options.base === 'function' ? options.base(ingested) : options.base),
    public: options.public,
    scanSecrets: true,
  }, stages.progress);
  if (generated.secrets && generated.secrets.blocking.length > 0) {
    return { ok: false, secrets: generated.report.diagnostics, report: await writeBlockedReport(generated.report, options.cacheDir) };
  }
  const siteDir = options.siteDir(generated);

  reporter.step('Building the site (Astro, Starlight, Pagefind)');
  const astroStarted = performance.now();
  let pagefind: number | null = null;
  const astro = runAstro({
    command: 'build',
    contentDir: options.contentDir,
    outDir: siteDir,
    cacheDir: options.cacheDir,
    siteUrl: options.siteUrl,
    base: siteBase,
    versions: options.versions?.(generated),
    onLine: (line) => {
      // Starlight logs "Finished building search index in 812ms." (or "1.25s").
      const match = /Finished building search index in ([\d.]+)(ms|s)/.exec(line);
      if (match) pagefind = Number(match[1]) / (match[2] === 'ms' ? 1000 : 1);
    },
  });
  const cachesSaved = generated.saveCaches();
  const [{ code, tail }] = await Promise.all([astro.done, cachesSaved]);
  if (code !== 0) return { ok: false, code, tail };
  reporter.done(siteBase === '/' ? 'built' : `built for ${siteBase}`);
  const timings: StageTimings = { ingest: stages.seconds('Reading the repository'), emit: stages.seconds('Writing content'), astro: (performance.now() - astroStarted) / 1000, pagefind, ingestCache: generated.parseCache };
  const reports = await writeBuildReports(generated.report, { apiCache: generated.report.api.cache, apiSeconds: generated.apiSeconds, parseCache: generated.parseCache, timings }, siteDir, options.cacheDir);
  return { ok: true, generated, siteDir, reports };
}

/** Passes progress on to the reporter, timing each step by its label (for the run report). */
function timeSteps(reporter: Reporter): { progress: Reporter; seconds: (label: string) => number } {
  const times = new Map<string, number>();
  let current: { label: string; started: number } | null = null;
  const progress: Reporter = {
    ...reporter,
    step(label) {
      current = { label, started: performance.now() };
      reporter.step(label);
    },
    done(result) {
      if (current) times.set(current.label, (performance.now() - current.started) / 1000);
      current = null;
      reporter.done(result);
    },
  };
  return { progress, seconds: (label) => times.get(label) ?? 0 };
}
