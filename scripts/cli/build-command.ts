import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateContent } from '../generate-content.ts';
import { runAstro } from '../site-build/run-astro.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { checkOutDir, checkSiteUrl, normaliseBase, resolveRepo, resolveWorkDirs } from './resolve-paths.ts';

export interface BuildCommandOptions {
  repo?: string;
  out: string;
  siteUrl?: string;
  base?: string;
  strict?: boolean;
  workDir?: string;
}

/** `handover build`: repo -> content -> Astro site with Pagefind index -> report. Returns the exit code. */
export async function buildCommand(options: BuildCommandOptions, reporter: Reporter): Promise<number> {
  const repoRoot = await resolveRepo(options.repo);
  const base = normaliseBase(options.base);
  const siteUrl = checkSiteUrl(options.siteUrl);
  const outDir = checkOutDir(path.resolve(options.out), repoRoot);
  const { contentDir, cacheDir } = resolveWorkDirs(options.workDir);
  reporter.info(`Building the handover site of ${repoRoot}`);

  const generated = await generateContent({ repoRoot, contentDir, cacheDir, base }, reporter);

  reporter.step('Building the site (Astro, Starlight, Pagefind)');
  const astro = runAstro({ command: 'build', contentDir, outDir, cacheDir, siteUrl, base });
  const { code, tail } = await astro.done;
  if (code !== 0) {
    reporter.error(`The site build failed (Astro exited with code ${code}). Its last output:\n${tail.join('\n')}`);
    return ExitCode.BuildFailed;
  }
  reporter.done(`written to ${path.relative(process.cwd(), outDir) || '.'}`);

  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'handover-report.json'), `${JSON.stringify(generated.report, null, 2)}\n`);

  const { errors, warnings, infos } = generated.report.summary;
  reporter.diagnostics(generated.report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'));
  reporter.info(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${infos === 1 ? '' : 's'}; full report: ${path.join(path.relative(process.cwd(), outDir) || '.', 'handover-report.json')}`);
  if (options.strict && errors > 0) {
    reporter.error(`--strict: failing because the input has ${errors} error${errors === 1 ? '' : 's'}.`);
    return ExitCode.StrictFailure;
  }
  return ExitCode.Success;
}
