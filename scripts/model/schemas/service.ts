import { z } from 'zod';
import { MarkdownBodySchema } from './common.ts';

/** What the handover site says about the service as a whole (the home page). */
export const ServiceSchema = z.object({
  kind: z.literal('service'),
  id: z.literal('service'),
  name: z.string(),
  version: z.string().nullable(),
  description: z.string().nullable(),
  /** Web URL of the repository, for source links; null when unknown. */
  repoUrl: z.string().nullable(),
  branch: z.string(),
  /** The commit built, for source links that must not move (API sources); null without git. */
  commit: z.string().nullable(),
  /** Repo-relative path of the README rendered as the overview, or null. */
  readmePath: z.string().nullable(),
  readme: MarkdownBodySchema.nullable(),
  /** Who to contact, from the config (`contacts`). */
  contacts: z.array(z.object({ role: z.string(), name: z.string(), slack: z.string().optional(), email: z.string().optional(), phone: z.string().optional(), url: z.string().optional() })),
  /** The CODEOWNERS file and its rules (pattern -> owners), or null. */
  codeowners: z.object({ path: z.string(), rules: z.array(z.object({ pattern: z.string(), owners: z.array(z.string()) })) }).nullable(),
});
export type Service = z.infer<typeof ServiceSchema>;
