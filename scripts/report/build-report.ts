import { z } from 'zod';
import { DiagnosticSchema, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** What became of one file a source looked at. */
export const FileOutcomeSchema = z.object({
  /** Repo-relative POSIX path. */
  path: z.string(),
  /** The source that looked at it, e.g. `adr`. */
  source: z.string(),
  /** `record`: it became one or more records; `skipped`: deliberately not; `error`: it could not be used. */
  outcome: z.enum(['record', 'skipped', 'error']),
  /** Ids of the records it became. */
  records: z.array(z.string()),
  /** Why it was skipped or failed. */
  reason: z.string().nullable(),
});
export type FileOutcome = z.infer<typeof FileOutcomeSchema>;

/** The build report: every file the sources saw, and every diagnostic (published as `PublishedReportSchema`). */
export const BuildReportSchema = z.object({
  /** Version of this report's format. */
  schemaVersion: z.literal(1),
  service: z.object({ name: z.string(), version: z.string().nullable() }),
  /** Repo-relative path of the config file read, or null. */
  config: z.string().nullable(),
  /** The API reference: whether TypeDoc's cached output was reused (`hit`), and what it read. */
  api: z.object({ cache: z.enum(['hit', 'miss', 'none']), entryPoints: z.array(z.string()) }),
  counts: z.record(z.string(), z.number()),
  files: z.array(FileOutcomeSchema),
  diagnostics: z.array(DiagnosticSchema),
  summary: z.object({ errors: z.number(), warnings: z.number(), infos: z.number() }),
  /** Documents a `--public` build left out, and why (front matter or a `visibility.internal` glob); absent in other builds. */
  excluded: z.array(z.object({ path: z.string(), reason: z.string() })).optional(),
});
export type BuildReport = z.infer<typeof BuildReportSchema>;

/**
 * `dist/handover-report.json`: the build report without facts about the run (TypeDoc's cache
 * status), so the same input publishes the same bytes; those go to the work dir's run report.
 */
export const PublishedReportSchema = BuildReportSchema.extend({
  /** The API reference: the entry points TypeDoc read. */
  api: z.object({ entryPoints: z.array(z.string()) }),
});
export type PublishedReport = z.infer<typeof PublishedReportSchema>;

/** Counts diagnostics by severity. */
export function summariseDiagnostics(diagnostics: readonly Diagnostic[]): BuildReport['summary'] {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
  };
}
