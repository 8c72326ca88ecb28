import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import { ingest } from '../ingest.ts';
import { createIngestExport } from '../report/ingest-export.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { resolveRepo, resolveWorkDirs } from './resolve-paths.ts';

/** `handover ingest`: reads the repo into the model without building a site; `--json` prints it. */
export async function ingestCommand(options: { repo?: string; json?: boolean; strict?: boolean }, reporter: Reporter): Promise<number> {
  const repoRoot = await resolveRepo(options.repo);
  const { model, report } = await ingest(repoRoot, { cacheDir: resolveWorkDirs(undefined).cacheDir });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(createIngestExport(model, report), null, 2)}\n`);
  } else {
    reporter.info(`${model.service.name}: ${report.files.length} files read, ${model.adrs.length} ADRs`);
    for (const adr of model.adrs) reporter.info(`  ${String(adr.number ?? '-').padStart(4)}  ${(adr.status ?? 'no status').padEnd(10)}  ${adr.date ?? '----------'}  ${adr.title}`);
    for (const diagnostic of report.diagnostics) reporter.info(formatDiagnostic(diagnostic));
  }
  return options.strict && report.summary.errors > 0 ? ExitCode.StrictFailure : ExitCode.Success;
}
