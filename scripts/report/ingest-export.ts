import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics/diagnostic.ts';
import type { HandoverModel } from '../model/build-model.ts';
import { AdrSchema } from '../model/schemas/adr.ts';
import { AlertSchema } from '../model/schemas/alert.ts';
import { ApiModuleSchema } from '../model/schemas/api.ts';
import { CodeMarkerSchema, DebtItemSchema } from '../model/schemas/debt.ts';
import { ReleaseSchema } from '../model/schemas/release.ts';
import { RunbookSchema } from '../model/schemas/runbook.ts';
import { ServiceSchema } from '../model/schemas/service.ts';
import { TrainingModuleSchema } from '../model/schemas/training.ts';
import { FileOutcomeSchema, type BuildReport } from './build-report.ts';

/** Version of the `handover ingest --json` format; bumped on any incompatible change. */
export const INGEST_EXPORT_VERSION = 1;

/** An ADR as exported: the model's record without its Markdown body or raw link references. */
export const AdrExportSchema = AdrSchema.omit({ body: true, references: true });

/** A runbook as exported, without its Markdown body. */
export const RunbookExportSchema = RunbookSchema.omit({ body: true });

/** An alert as exported. */
export const AlertExportSchema = AlertSchema;

/** A debt item as exported, without its Markdown body. */
export const DebtExportSchema = DebtItemSchema.omit({ body: true });

/** An API module as exported, with its symbol counts (the members are in the site). */
export const ApiModuleExportSchema = ApiModuleSchema.omit({ members: true });

/** A training module as exported, without its body. */
export const TrainingExportSchema = TrainingModuleSchema.omit({ body: true });

/** The service as exported, without its README body. */
export const ServiceExportSchema = ServiceSchema.omit({ readme: true });

/**
 * `handover ingest --json`: the model as data, a public interface. Consumers should filter
 * `records` by `kind` and ignore kinds and fields they do not know; new kinds and new fields are
 * added without a version change, removals and renames bump `version`.
 */
export const IngestExportSchema = z.object({
  version: z.literal(INGEST_EXPORT_VERSION),
  records: z.array(z.discriminatedUnion('kind', [ServiceExportSchema, AdrExportSchema, RunbookExportSchema, AlertExportSchema, DebtExportSchema, CodeMarkerSchema, ApiModuleExportSchema, TrainingExportSchema, ReleaseSchema])),
  files: z.array(FileOutcomeSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type IngestExport = z.infer<typeof IngestExportSchema>;

/** Builds the export from the model and the ingest report; pure. */
export function createIngestExport(model: HandoverModel, report: BuildReport): IngestExport {
  const { readme: _readme, ...service } = model.service;
  return {
    version: INGEST_EXPORT_VERSION,
    records: [
      service,
      ...model.adrs.map(({ body: _body, references: _references, ...adr }) => adr),
      ...model.runbooks.map(({ body: _body, ...runbook }) => runbook),
      ...model.alerts,
      ...model.debt.map(({ body: _body, ...item }) => item),
      ...model.codeMarkers,
      ...model.apiModules.map(({ members: _members, ...module }) => module),
      ...model.training.map(({ body: _body, ...module }) => module),
      model.release,
    ],
    files: report.files,
    diagnostics: report.diagnostics,
  };
}
