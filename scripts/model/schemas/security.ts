import { z } from 'zod';

/** What a security file is evidence of. */
export const SecurityFileTypeSchema = z.enum(['threat-model', 'dependency-updates']);
export type SecurityFileType = z.infer<typeof SecurityFileTypeSchema>;

/** A file that shows a security basic is in place: a threat model, automated dependency updates. */
export const SecurityFileSchema = z.object({
  kind: z.literal('security-file'),
  /** The repo-relative path. */
  id: z.string(),
  type: SecurityFileTypeSchema,
  /** The tool it configures or was written with (`dependabot`, `renovate`, `threat-dragon`), or null. */
  tool: z.string().nullable(),
  path: z.string(),
});
export type SecurityFile = z.infer<typeof SecurityFileSchema>;
