import { z } from 'zod';
import { SourceLocationSchema } from './common.ts';

/** An outcome the service is measured by, from the config's `outcomes`. */
export const OutcomeSchema = z.object({
  kind: z.literal('outcome'),
  name: z.string(),
  /** How it is measured, with its target; null when the config does not say. */
  measure: z.string().nullable(),
  /** Dashboard URL, or null. */
  dashboard: z.string().nullable(),
  /** Where in the config file it is written. */
  source: SourceLocationSchema.nullable(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;
