import { z } from 'zod';
import { MarkdownBodySchema, SourceLocationSchema } from './common.ts';

/** A training module for the receiving team: authored in the repo, or generated from the model. */
export const TrainingModuleSchema = z.object({
  kind: z.literal('training-module'),
  id: z.string(),
  title: z.string(),
  /** Position in the learning path (authored modules first); null places it after numbered ones. */
  order: z.number().nullable(),
  /** Duration as written (`45m`, `1 hour`), and in minutes when it can be read. */
  duration: z.string().nullable(),
  minutes: z.number().nullable(),
  audience: z.string().nullable(),
  objectives: z.array(z.string()),
  prerequisites: z.array(z.string()),
  /** True for the modules Handover writes from the model (architecture, on call, debt, API). */
  generated: z.boolean(),
  quizzes: z.number().int(),
  exercises: z.number().int(),
  source: SourceLocationSchema.nullable(),
  body: MarkdownBodySchema,
});
export type TrainingModule = z.infer<typeof TrainingModuleSchema>;
