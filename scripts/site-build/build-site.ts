import { generateContent, type Generated } from '../generate-content.ts';
import type { IngestResult } from '../ingest.ts';
import type { Reporter } from '../cli/reporter.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeBlockedReport, writeBuildReports, type StageTimings } from './build-reports.ts';
import { AstroBuild, type AstroTarget } from './run-astro.ts';
import { runPagefind } from './run-pagefind.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

/** What the build command reports from a site build (the model and pages are let go while Astro runs). */
export type GeneratedSummary = Pick<Generated, 'report' | 'apiSeconds' | 'parseCache'>;

/** The outcome of one site build. */
export type BuiltSite =
  | { ok: true; generated: GeneratedSummary; siteDir: string; reports: { published: string; run: string } }
  | { ok: false; code: number; tail: string[] }
  /** Secrets would have been published: nothing was built; the report (secrets masked) is in the work dir. */
  | { ok: false; secrets: Diagnostic[]; report: string };

/** Generates content, runs Astro (with Starlight's Pagefind) into the site folder, and writes the reports. */
export async function buildSite(options: BuildSiteOptions, reporter: Reporter): Promise<BuiltSite> {
  const stages = timeSteps(reporter);
  // Astro's process starts up while the content is generated when that takes seconds (AstroBuild).
  const astroProcess = new AstroBuild({ cacheDir: options.cacheDir });
  const started = await generateAndStartAstro(options, reporter, stages.progress, astroProcess).catch((error: unknown) => {
    astroProcess.cancel();
    throw error;
  });
  if (!started.ok) {
    astroProcess.cancel();
    return started;
  }
  const { generated, siteDir, siteBase, astro, astroStarted } = started;
  // The model, the pages and the caches were only needed until Astro started: at 5,000 documents
  // they are a gigabyte this process would otherwise hold for the rest of the build.
  collectGarbage();
  const { code, tail } = await astro;
  if (code !== 0) return { ok: false, code, tail };
  // Pagefind runs after Astro has exited, so the two never hold their memory at once.
  let pagefind: number;
  try {
    pagefind = (await runPagefind(siteDir)).seconds;
  } catch (error) {
    return { ok: false, code: 1, tail: [`Pagefind could not index the site: ${(error as Error).message}`] };
  }
  reporter.done(siteBase === '/' ? 'built' : `built for ${siteBase}`);
  const timings: StageTimings = { ingest: stages.seconds('Reading the repository'), emit: stages.seconds('Writing content'), astro: (performance.now() - astroStarted) / 1000, pagefind, ingestCache: generated.parseCache };
  const reports = await writeBuildReports(generated.report, { apiCache: generated.report.api.cache, apiSeconds: generated.apiSeconds, parseCache: generated.parseCache, timings }, siteDir, options.cacheDir);
  return { ok: true, generated, siteDir, reports };
}

/**
 * Generates the content and starts Astro on it; keeps only what the reports need, so the rest can
 * be collected while Astro builds.
 */
async function generateAndStartAstro(options: BuildSiteOptions, reporter: Reporter, progress: Reporter, astroProcess: AstroBuild): Promise<
  | { ok: true; generated: GeneratedSummary; siteDir: string; siteBase: string; astro: Promise<{ code: number; tail: string[] }>; astroStarted: number }
  | { ok: false; secrets: Diagnostic[]; report: string }
> {
  const siteBase = (ingested: IngestResult) => (typeof options.base === 'function' ? options.base(ingested) : options.base);
  // Where the site goes, worked out once the model is known (a versioned build's folder and base depend on it).
  const configured: { target?: AstroTarget } = {};
  const generated = await generateContent({
    repoRoot: options.repoRoot,
    contentDir: options.contentDir,
    cacheDir: options.cacheDir,
    base: siteBase,
    public: options.public,
    scanSecrets: true,
    onLongRun: () => astroProcess.start(),
    // A started Astro resolves its config while the pages are emitted and written.
    onSettings: (settings, ingested) => {
      configured.target = { contentDir: options.contentDir, outDir: options.siteDir(ingested), siteUrl: options.siteUrl, base: siteBase(ingested), versions: options.versions?.(ingested) };
      astroProcess.configure(configured.target, settings);
    },
  }, progress);
  if (generated.secrets && generated.secrets.blocking.length > 0) {
    return { ok: false, secrets: generated.report.diagnostics, report: await writeBlockedReport(generated.report, options.cacheDir) };
  }
  // Set: a generation that gets this far has emitted its pages, after onSettings.
  const { outDir: siteDir, base = '/' } = configured.target!;
  reporter.step('Building the site (Astro, Starlight, Pagefind)');
  const astroStarted = performance.now();
  const astro = astroProcess.begin();
  // The caches are written while Astro builds, when this process is otherwise idle.
  await generated.saveCaches();
  return { ok: true, generated: { report: generated.report, apiSeconds: generated.apiSeconds, parseCache: generated.parseCache }, siteDir, siteBase: base, astro: astro.done, astroStarted };
}

/**
 * Runs a full, memory-reducing garbage collection now (V8's "last resort" collection also shrinks
 * the heap), so memory let go of is returned to the system while this process waits on Astro,
 * instead of whenever V8 next needs to collect, which is not while it waits: 470 MB -> 260 MB.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (options?: object) => void)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
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
