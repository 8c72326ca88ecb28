import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatReadinessMarkdown } from '../check/format-markdown.ts';
import { formatReadinessText } from '../check/format-terminal.ts';
import { runChecks } from '../check/run-checks.ts';
import { ingest } from '../ingest.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { resolveRepo, resolveWorkDirs } from './resolve-paths.ts';

export interface CheckCommandOptions {
  repo?: string;
  json?: boolean;
  /** File to write the Markdown report to (e.g. "$GITHUB_STEP_SUMMARY"); `-` for stdout. */
  markdown?: string;
  minScore?: number;
  strict?: boolean;
  /** Work dir whose caches to use (the same as `handover build --work-dir`: what one reads, the other reuses). */
  workDir?: string;
}

/**
 * `handover check`: is the service ready to hand over? Runs the readiness rules over the model and
 * prints scores and findings (terminal, `--json`, `--markdown`). Exit code 1 when the score is
 * below `--min-score` (or `check.minScore`), or with `--strict` and any error.
 */
export async function checkCommand(options: CheckCommandOptions, reporter: Reporter): Promise<number> {
  const repoRoot = await resolveRepo(options.repo);
  const { contentDir, cacheDir } = resolveWorkDirs(options.workDir);
  const ingested = await ingest(repoRoot, { cacheDir, ownFolders: [contentDir, cacheDir] });
  const { report, unknownSkips } = runChecks({ model: ingested.model, config: ingested.config, configFile: ingested.report.config, today: ingested.today });
  for (const id of unknownSkips) reporter.error(`check.skip names "${id}", which is not a readiness rule; it was ignored. The rules are listed in the README under "Readiness rules".`);

  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (options.markdown === '-') process.stdout.write(formatReadinessMarkdown(report));
  else if (options.markdown) {
    const file = path.resolve(options.markdown);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, formatReadinessMarkdown(report));
  }
  const quiet = options.json || options.markdown === '-';
  if (!quiet) for (const line of formatReadinessText(report)) reporter.info(line);

  const inputErrors = ingested.report.summary.errors;
  if (!quiet && inputErrors > 0) reporter.info(`The repository also has ${inputErrors} input error${inputErrors === 1 ? '' : 's'} (files that could not be read); \`handover ingest\` lists them.`);
  const minScore = options.minScore ?? ingested.config.check.minScore;
  if (minScore !== undefined && (report.score ?? 0) < minScore) {
    reporter.error(`Readiness score ${report.score ?? 'n/a'} is below the minimum of ${minScore}.`);
    return ExitCode.StrictFailure;
  }
  const errors = report.findings.filter((finding) => finding.severity === 'error').length + inputErrors;
  if (options.strict && errors > 0) {
    reporter.error(`--strict: failing because of ${errors} error${errors === 1 ? '' : 's'}.`);
    return ExitCode.StrictFailure;
  }
  return ExitCode.Success;
}
