import { z } from 'zod';
import { SourceLocationSchema } from './common.ts';

/** One exported symbol of the service's API. */
export const ApiSymbolSchema = z.object({
  name: z.string(),
  /** TypeDoc's kind: Function, Class, Interface, Type alias, Variable, Enum... */
  kind: z.string(),
  /** Anchor of the symbol on its module page. */
  anchor: z.string(),
  /** TypeScript-like declaration, for a code block. */
  signature: z.string(),
  /** The doc comment as Markdown (`{@link}`s as `site:` links), or null when undocumented. */
  comment: z.string().nullable(),
  params: z.array(z.object({ name: z.string(), type: z.string(), comment: z.string().nullable() })),
  returns: z.string().nullable(),
  examples: z.array(z.string()),
  /** The `@deprecated` text ('' when it gives none), or null when not deprecated. */
  deprecated: z.string().nullable(),
  source: SourceLocationSchema.nullable(),
});
export type ApiSymbol = z.infer<typeof ApiSymbolSchema>;

/** A module of the API: an entry point, or a source file of a single-entry package. */
export const ApiModuleSchema = z.object({
  kind: z.literal('api-module'),
  id: z.string(),
  name: z.string(),
  /** Number of exported symbols, and how many have a doc comment. */
  symbols: z.number().int(),
  documented: z.number().int(),
  members: z.array(ApiSymbolSchema),
  source: SourceLocationSchema,
});
export type ApiModule = z.infer<typeof ApiModuleSchema>;
