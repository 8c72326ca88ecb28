import { loadConfig } from './config/load-config.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.ts';
import { buildModel, type HandoverModel, type SourceRecords } from './model/build-model.ts';
import { summariseDiagnostics, type BuildReport, type FileOutcome } from './report/build-report.ts';
import { adrSource } from './sources/adr/index.ts';
import { readSourceFile } from './sources/read-source-file.ts';
import { serviceSource } from './sources/service/index.ts';
import type { Source, SourceContext } from './sources/types.ts';
import type { HandoverConfig } from './config/schema.ts';

export interface IngestResult {
  config: HandoverConfig;
  model: HandoverModel;
  report: BuildReport;
}

/** Runs config, every source and the model over a service repo: everything before emit. */
export async function ingest(repoRoot: string): Promise<IngestResult> {
  const { config, file: configFile, diagnostics: configDiagnostics } = await loadConfig(repoRoot);
  const context: SourceContext = { repoRoot, config };
  const files: FileOutcome[] = [];
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const records: SourceRecords = {
    adr: await runSource(adrSource, context, files, diagnostics),
    service: await runSource(serviceSource, context, files, diagnostics),
  };
  const { model, diagnostics: modelDiagnostics } = buildModel(records, config, repoRoot);
  diagnostics.push(...modelDiagnostics);
  const sorted = sortDiagnostics(diagnostics);
  const report: BuildReport = {
    schemaVersion: 1,
    service: { name: model.service.name, version: model.service.version },
    config: configFile,
    counts: { adr: model.adrs.length },
    files: files.sort((a, b) => a.path.localeCompare(b.path) || a.source.localeCompare(b.source)),
    diagnostics: sorted,
    summary: summariseDiagnostics(sorted),
  };
  return { config, model, report };
}

/** Discovers, reads and parses one source's files, accounting for each in `files`. */
async function runSource<TRecord>(source: Source<TRecord>, context: SourceContext, files: FileOutcome[], diagnostics: Diagnostic[]): Promise<TRecord[]> {
  const records: TRecord[] = [];
  const paths = await source.discover(context);
  const texts = await Promise.all(paths.map((path) => readSourceFile(context.repoRoot, path)));
  paths.forEach((path, index) => {
    const read = texts[index]!;
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      files.push({ path, source: source.kind, outcome: 'error', records: [], reason: read.diagnostic.message });
      return;
    }
    let result;
    try {
      result = source.parse({ path, text: read.text }, context);
    } catch (error) {
      // Parsers report problems as diagnostics; a throw is a bug in Handover, not in the file.
      const message = `Handover failed to parse this file (${(error as Error).message}); this is a bug in Handover.`;
      diagnostics.push({ file: path, line: null, column: null, severity: 'error', code: 'internal/parser-crashed', message, hint: 'Please report it with the file attached; the other files were built.' });
      files.push({ path, source: source.kind, outcome: 'error', records: [], reason: message });
      return;
    }
    diagnostics.push(...result.diagnostics);
    records.push(...result.records);
    const ids = result.records.map((record) => (record as { id?: string }).id ?? source.kind);
    files.push({ path, source: source.kind, outcome: result.skipped ? 'skipped' : 'record', records: ids, reason: result.skipped ?? null });
  });
  return records;
}
