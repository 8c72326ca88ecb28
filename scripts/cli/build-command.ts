import path from 'node:path';
import { buildSite, type BuildSiteOptions } from '../site-build/build-site.ts';
import { createStagingFolder } from '../site-build/staging-folder.ts';
import { assembleVersions } from '../site-build/versioned/assemble-versions.ts';
import type { IngestResult } from '../ingest.ts';
import { resolveVersionName } from '../site-build/versioned/version-name.ts';
import { readVersionsIndex, versionsIndex, type VersionsIndex } from '../site-build/versioned/versions-index.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { checkOutDir, checkSiteUrl, normaliseBase, resolveRepo, resolveWorkDirs, UsageError } from './resolve-paths.ts';

export interface BuildCommandOptions {
  repo?: string;
  out: string;
  siteUrl?: string;
  base?: string;
  strict?: boolean;
  workDir?: string;
  /** Keep earlier releases: build into `<out>/<version>/` beside `latest/`. */
  versioned?: boolean;
  /** Output folder of an earlier versioned build to keep versions from (default: `--out`). */
  previous?: string;
  /** Version name (default: the release's version). */
  version?: string;
  /** Leave out documents marked internal (front matter or `visibility.internal`). */
  public?: boolean;
}

/**
 * `handover build`: repo -> content -> Astro site with Pagefind index -> report, built in a folder
 * beside `--out` that replaces it only when everything succeeded. Returns the exit code.
 */
export async function buildCommand(options: BuildCommandOptions, reporter: Reporter): Promise<number> {
  const repoRoot = await resolveRepo(options.repo);
  const base = normaliseBase(options.base);
  const siteUrl = checkSiteUrl(options.siteUrl);
  const outDir = checkOutDir(path.resolve(options.out), repoRoot);
  const { contentDir, cacheDir } = resolveWorkDirs(options.workDir);
  if (!options.versioned && (options.previous !== undefined || options.version !== undefined)) {
    throw new UsageError(`${options.previous !== undefined ? '--previous' : '--version'} only applies to versioned builds; add --versioned.`);
  }
  const previous = options.versioned ? await resolvePrevious(options.previous, outDir) : null;
  reporter.info(`Building the handover site of ${repoRoot}`);

  const staging = await createStagingFolder(outDir);
  try {
    let version = '';
    // Each of these may be called first (and `version` is kept for assembling the versions below).
    const versionOf = (ingested: IngestResult) => (version = resolveVersionName(options.version, ingested.model.release.version));
    const siteOptions: BuildSiteOptions = options.versioned
      ? {
          repoRoot, contentDir, cacheDir, siteUrl,
          public: options.public,
          base: (ingested) => `${base}${versionOf(ingested)}/`,
          siteDir: (ingested) => path.join(staging.dir, versionOf(ingested)),
          versions: (ingested) => {
            const current = versionOf(ingested);
            return { current, versions: versionsIndex([current, ...(previous?.index.versions ?? [])]).versions, root: base };
          },
        }
      : { repoRoot, contentDir, cacheDir, siteUrl, base, siteDir: () => staging.dir, public: options.public };
    const built = await buildSite(siteOptions, reporter);
    if (!built.ok && 'secrets' in built) {
      reporter.diagnostics(built.secrets);
      reporter.error(`${built.secrets.length} secret${built.secrets.length === 1 ? '' : 's'} would have been published (listed above, by file and line; the secrets themselves are never shown). Nothing was built and ${path.relative(process.cwd(), outDir) || '.'} was left as it was; report: ${path.relative(process.cwd(), built.report)}.`);
      return ExitCode.SecretsFound;
    }
    if (!built.ok) {
      reporter.error(`The site build failed (Astro exited with code ${built.code}); ${path.relative(process.cwd(), outDir) || '.'} was left as it was. Astro's last output:\n${built.tail.join('\n')}`);
      return ExitCode.BuildFailed;
    }
    if (options.versioned) {
      const { index, missing } = await assembleVersions({ dir: staging.dir, version, previous, base, siteUrl });
      if (missing.length > 0) reporter.info(`Not kept (listed in ${previous!.dir}/versions.json, but their folders are missing): ${missing.join(', ')}`);
      reporter.info(`Versions: ${index.versions.join(', ')}; latest/ is ${index.latest}`);
    }
    await staging.commit();

    const shown = (file: string) => path.relative(process.cwd(), file.replace(staging.dir, outDir)) || '.';
    const { report, apiSeconds } = built.generated;
    const cache = report.api.cache === 'hit' ? 'TypeDoc cache hit' : report.api.cache === 'miss' ? `TypeDoc cache miss, ${apiSeconds.toFixed(1)}s` : 'no TypeScript API';
    const { errors, warnings, infos } = report.summary;
    reporter.diagnostics(report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'));
    reporter.info(`Site written to ${shown(outDir)}`);
    reporter.info(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${infos === 1 ? '' : 's'}; full report: ${shown(built.reports.published)}; this run (${cache}): ${shown(built.reports.run)}`);
    if (options.strict && errors > 0) {
      reporter.error(`--strict: failing because the input has ${errors} error${errors === 1 ? '' : 's'}.`);
      return ExitCode.StrictFailure;
    }
    return ExitCode.Success;
  } finally {
    // After a commit the staging folder is gone; after any failure this removes it.
    await staging.discard();
  }
}

/** The earlier versioned site to keep versions from: `--previous`, else `--out` when it is one. */
async function resolvePrevious(option: string | undefined, outDir: string): Promise<{ dir: string; index: VersionsIndex } | null> {
  const dir = path.resolve(option ?? outDir);
  const index = await readVersionsIndex(dir).catch(() => null);
  if (index) return { dir, index };
  if (option !== undefined) throw new UsageError(`--previous ${dir} holds no versions.json; pass the output folder of an earlier \`handover build --versioned\`.`);
  return null;
}
