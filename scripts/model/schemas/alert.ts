import { z } from 'zod';
import { SourceLocationSchema } from './common.ts';

/** How an alert's runbook was found, or why it was not. */
export const RunbookResolutionSchema = z.enum(['url', 'name', 'front-matter', 'external', 'not-found', 'none']);
export type RunbookResolution = z.infer<typeof RunbookResolutionSchema>;

/** One Prometheus alerting rule. */
export const AlertSchema = z.object({
  kind: z.literal('alert'),
  /** Stable id: the alert name, slugified; made unique when the name is used more than once. */
  id: z.string(),
  name: z.string(),
  /** The rule group it is in. */
  group: z.string().nullable(),
  /** `labels.severity`, as written. */
  severity: z.string().nullable(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  expr: z.string().nullable(),
  /** `for`, e.g. `10m`. */
  for: z.string().nullable(),
  /** `annotations.runbook_url`, as written. */
  runbookUrl: z.string().nullable(),
  /** Id of the runbook it resolves to, or null. */
  runbook: z.string().nullable(),
  /** How the runbook was found: by URL, by name, by a runbook's front matter; or why not. */
  runbookResolution: RunbookResolutionSchema,
  source: SourceLocationSchema,
});
export type Alert = z.infer<typeof AlertSchema>;
