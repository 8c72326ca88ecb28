import type { IngestResult } from '../ingest.ts';
import { summariseDiagnostics } from '../report/build-report.ts';
import { applyVisibility, documentPaths } from './apply-visibility.ts';
import { describeReason, findInternalDocuments, type InternalDocument } from './find-internal.ts';

/**
 * What a `--public` build publishes: the model without internal documents, and a report that
 * lists them as excluded (path and why) and leaves out diagnostics about them, since the report
 * is published with the site.
 */
export async function publicView(ingested: IngestResult, repoRoot: string): Promise<IngestResult & { internal: InternalDocument[] }> {
  const internal = await findInternalDocuments(repoRoot, documentPaths(ingested.model), ingested.config.visibility.internal);
  const hidden = new Map(internal.map((document) => [document.path, describeReason(document.reason)]));
  const model = applyVisibility(ingested.model, ingested.config, internal);
  const files = ingested.report.files.map((file) => (hidden.has(file.path) ? { ...file, outcome: 'skipped' as const, records: [], reason: `internal, left out of a --public build: ${hidden.get(file.path)}` } : file));
  const diagnostics = ingested.report.diagnostics.filter((diagnostic) => !diagnostic.file || !hidden.has(diagnostic.file));
  const { counts } = ingested.report;
  const report = {
    ...ingested.report,
    counts: { ...counts, adr: model.adrs.length, runbook: model.runbooks.length, debt: model.debt.length, 'training-module': model.training.length },
    files,
    diagnostics,
    summary: summariseDiagnostics(diagnostics),
    excluded: internal.map((document) => ({ path: document.path, reason: describeReason(document.reason) })),
  };
  return { ...ingested, model, report, internal };
}
