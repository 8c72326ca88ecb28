import { z } from 'zod';
import type { Root } from 'mdast';

/** Where a record came from: a repo-relative path and the 1-based line it starts on. */
export const SourceLocationSchema = z.object({
  path: z.string(),
  line: z.number().int().positive(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

/** A parsed Markdown body (mdast). Kept on records for emit; never serialised into JSON data. */
export const MarkdownBodySchema = z.custom<Root>((value) => typeof value === 'object' && value !== null && (value as Root).type === 'root');
