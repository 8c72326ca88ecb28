import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics/diagnostic.ts';
import type { HandoverModel } from '../model/build-model.ts';
import { FileOutcomeSchema, type BuildReport } from './build-report.ts';

/** Version of the `handover ingest --json` format; bumped on any incompatible change. */
export const INGEST_EXPORT_VERSION = 1;

const SourceSchema = z.object({ path: z.string(), line: z.number().int().positive() });

/** An ADR as exported: the model's record without its Markdown body or raw link references. */
export const AdrExportSchema = z.object({
  kind: z.literal('adr'),
  id: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  status: z.enum(['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']).nullable(),
  statusText: z.string().nullable(),
  date: z.string().nullable(),
  deciders: z.array(z.string()),
  consulted: z.array(z.string()),
  informed: z.array(z.string()),
  tags: z.array(z.string()),
  supersedes: z.array(z.string()),
  supersededBy: z.array(z.string()),
  amends: z.array(z.string()),
  amendedBy: z.array(z.string()),
  summary: z.string().nullable(),
  source: SourceSchema,
});

/** The service as exported. */
export const ServiceExportSchema = z.object({
  kind: z.literal('service'),
  id: z.literal('service'),
  name: z.string(),
  version: z.string().nullable(),
  description: z.string().nullable(),
  repoUrl: z.string().nullable(),
  branch: z.string(),
  readmePath: z.string().nullable(),
});

/**
 * `handover ingest --json`: the model as data, a public interface. Consumers should filter
 * `records` by `kind` and ignore kinds and fields they do not know; new kinds and new fields are
 * added without a version change, removals and renames bump `version`.
 */
export const IngestExportSchema = z.object({
  version: z.literal(INGEST_EXPORT_VERSION),
  records: z.array(z.discriminatedUnion('kind', [AdrExportSchema, ServiceExportSchema])),
  files: z.array(FileOutcomeSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type IngestExport = z.infer<typeof IngestExportSchema>;

/** Builds the export from the model and the ingest report; pure. */
export function createIngestExport(model: HandoverModel, report: BuildReport): IngestExport {
  const { readme: _readme, ...service } = model.service;
  void _readme;
  return {
    version: INGEST_EXPORT_VERSION,
    records: [
      service,
      ...model.adrs.map(({ body: _body, references: _references, ...adr }) => adr),
    ],
    files: report.files,
    diagnostics: report.diagnostics,
  };
}
