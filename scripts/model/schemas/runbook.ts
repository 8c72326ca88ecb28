import { z } from 'zod';
import { MarkdownBodySchema, SourceLocationSchema } from './common.ts';

/** The sections a runbook can have, under whichever heading the team used for each. */
export const RunbookSectionSchema = z.enum(['meaning', 'impact', 'diagnosis', 'mitigation', 'escalation']);
export type RunbookSection = z.infer<typeof RunbookSectionSchema>;

/** Whether a runbook's review is current, given the build's date. */
export const ReviewStateSchema = z.enum(['current', 'due-soon', 'overdue', 'unknown']);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

/** One runbook: what to do when something goes wrong. */
export const RunbookSchema = z.object({
  kind: z.literal('runbook'),
  /** Stable id: the file name without its extensions, slugified. */
  id: z.string(),
  title: z.string(),
  /** First paragraph, in plain text. */
  summary: z.string().nullable(),
  /** Names of the alerts it covers: front matter, file name, and alert rules pointing at it. */
  alerts: z.array(z.string()),
  /** Who owns it, as written (a team, a Slack channel, a CODEOWNERS owner); null when unknown. */
  owner: z.string().nullable(),
  /** Where the owner came from. */
  ownerSource: z.enum(['front-matter', 'codeowners', 'config']).nullable(),
  /** ISO date of the last review: front matter, else the last commit touching the file. */
  lastReviewed: z.string().nullable(),
  /** Where `lastReviewed` came from. */
  lastReviewedSource: z.enum(['front-matter', 'git']).nullable(),
  /** How long a review lasts, as written (`6 months`). */
  reviewIn: z.string().nullable(),
  /** ISO date the next review is due. */
  reviewDue: z.string().nullable(),
  reviewState: ReviewStateSchema,
  /** Links to dashboards (Grafana, Kibana, Datadog...) found in the text. */
  dashboards: z.array(z.object({ title: z.string(), url: z.string() })),
  /** Canonical sections the runbook has, in canonical order. */
  sections: z.array(RunbookSectionSchema),
  source: SourceLocationSchema,
  body: MarkdownBodySchema,
});
export type Runbook = z.infer<typeof RunbookSchema>;
