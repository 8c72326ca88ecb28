import { z } from 'zod';
import { MarkdownBodySchema, SourceLocationSchema } from './common.ts';

/** Where a debt item stands. */
export const DebtStatusSchema = z.enum(['open', 'accepted', 'in-progress', 'paid']);
export type DebtStatus = z.infer<typeof DebtStatusSchema>;

/** One item of technical debt taken on deliberately (or found and kept), from the debt log. */
export const DebtItemSchema = z.object({
  kind: z.literal('debt'),
  /** Stable id for the page URL: the written reference (`TD-001`) or the title, slugified. */
  id: z.string(),
  /** The reference as written in the log (`TD-001`, `7`), or null. */
  ref: z.string().nullable(),
  title: z.string(),
  /** Normalised status, or null when the log states none. */
  status: DebtStatusSchema.nullable(),
  statusText: z.string().nullable(),
  /** ISO date the debt was taken on. */
  taken: z.string().nullable(),
  /** Why it was taken on. */
  reason: z.string().nullable(),
  /** What it costs (impact, priority, severity), as written. */
  impact: z.string().nullable(),
  /** What paying it back costs, as written. */
  effort: z.string().nullable(),
  owner: z.string().nullable(),
  /** Id of the ADR that took it on, when the log links one and it exists. */
  decision: z.string().nullable(),
  /** The decision as written (`ADR-0004`). */
  decisionText: z.string().nullable(),
  remediation: z.string().nullable(),
  /** Code locations it names (`src/badge.ts:42`). */
  locations: z.array(z.string()),
  source: SourceLocationSchema,
  /** The item's own text, for logs with one file or one section per item; null for table rows. */
  body: MarkdownBodySchema.nullable(),
});
export type DebtItem = z.infer<typeof DebtItemSchema>;

/** A TODO, FIXME, HACK or XXX comment, or an `@deprecated` tag, in the service's code. */
export const CodeMarkerSchema = z.object({
  kind: z.literal('code-marker'),
  id: z.string(),
  marker: z.enum(['TODO', 'FIXME', 'HACK', 'XXX', 'DEPRECATED']),
  text: z.string(),
  /** ISO date the line was last changed (git blame), or null without git history. */
  added: z.string().nullable(),
  /** References named in the comment (`TD-003`, `ADR-0004`, `BB-412`), to link it to the debt log. */
  refs: z.array(z.string()),
  source: SourceLocationSchema,
});
export type CodeMarker = z.infer<typeof CodeMarkerSchema>;
