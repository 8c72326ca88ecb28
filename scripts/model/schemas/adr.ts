import { z } from 'zod';
import { MarkdownBodySchema, SourceLocationSchema } from './common.ts';

/** The lifecycle states an ADR can be in, after normalising the many ways teams write them. */
export const AdrStatusSchema = z.enum(['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
export type AdrStatus = z.infer<typeof AdrStatusSchema>;

/** How one ADR relates to another. */
export const AdrRelationSchema = z.enum(['supersedes', 'supersededBy', 'amends', 'amendedBy']);
export type AdrRelation = z.infer<typeof AdrRelationSchema>;

/** A link to another ADR as written in the file, before the model resolves it to an id. */
export const AdrReferenceSchema = z.object({
  relation: AdrRelationSchema,
  /** The link target (a file name or path) when the text links, else null. */
  href: z.string().nullable(),
  /** The ADR number named in the text, when there is one. */
  number: z.number().int().nullable(),
  line: z.number().int().positive(),
  /**
   * True when found in the body prose ("This ADR in part supersedes [0003](..)") rather than in
   * the status or metadata: such a link counts only when it resolves to an ADR.
   */
  inProse: z.boolean(),
});
export type AdrReference = z.infer<typeof AdrReferenceSchema>;

/** One architecture decision record. */
export const AdrSchema = z.object({
  kind: z.literal('adr'),
  /** Stable id: the file name without extension, e.g. `0001-record-architecture-decisions`. */
  id: z.string(),
  /** The ADR's number, from the file name or the title; null when neither has one. */
  number: z.number().int().nonnegative().nullable(),
  /** Plain-text title without the number prefix. */
  title: z.string(),
  /** Normalised status, or null when the file states none (never invented). */
  status: AdrStatusSchema.nullable(),
  /** The status as written, e.g. "Superseded by ADR 5". */
  statusText: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) of the decision, or null. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Who made the decision (MADR `decision-makers`, older `deciders`). */
  deciders: z.array(z.string()),
  /** Whose opinion was sought (MADR `consulted`). */
  consulted: z.array(z.string()),
  /** Who was kept up to date (MADR `informed`). */
  informed: z.array(z.string()),
  tags: z.array(z.string()),
  /** Links as written; the model resolves them into the id lists below. */
  references: z.array(AdrReferenceSchema),
  supersedes: z.array(z.string()),
  supersededBy: z.array(z.string()),
  amends: z.array(z.string()),
  amendedBy: z.array(z.string()),
  /** First paragraph of the context, in plain text, for indexes and search results. */
  summary: z.string().nullable(),
  source: SourceLocationSchema,
  body: MarkdownBodySchema,
});
export type Adr = z.infer<typeof AdrSchema>;
