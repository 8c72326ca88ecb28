import { generateContent } from '../generate-content.ts';
import type { IngestResult } from '../ingest.ts';
import type { Reporter } from '../cli/reporter.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeBlockedReport, writeBuildReports } from './build-reports.ts';
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
  const generated = await generateContent({
    repoRoot: options.repoRoot,
    contentDir: options.contentDir,
    cacheDir: options.cacheDir,
    base: (ingested) => (siteBase = typeof options.base === 'function' ? options.base(ingested) : options.base),
    public: options.public,
    scanSecrets: true,
  }, reporter);
  if (generated.secrets && generated.secrets.blocking.length > 0) {
    return { ok: false, secrets: generated.report.diagnostics, report: await writeBlockedReport(generated.report, options.cacheDir) };
  }
  const siteDir = options.siteDir(generated);

  reporter.step('Building the site (Astro, Starlight, Pagefind)');
  const astro = runAstro({
    command: 'build',
    contentDir: options.contentDir,
    outDir: siteDir,
    cacheDir: options.cacheDir,
    siteUrl: options.siteUrl,
    base: siteBase,
    versions: options.versions?.(generated),
  });
  const { code, tail } = await astro.done;
  if (code !== 0) return { ok: false, code, tail };
  reporter.done(siteBase === '/' ? 'built' : `built for ${siteBase}`);
  const reports = await writeBuildReports(generated.report, { apiCache: generated.report.api.cache, apiSeconds: generated.apiSeconds }, siteDir, options.cacheDir);
  return { ok: true, generated, siteDir, reports };
}
