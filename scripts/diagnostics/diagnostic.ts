import { z } from 'zod';

/** How bad a diagnostic is: errors fail a `--strict` build, warnings and notes never do. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A problem found in the input, reported once at the end of the build, never thrown. */
export const DiagnosticSchema = z.object({
  /** Path of the file relative to the service repo root, or null for the repo as a whole. */
  file: z.string().nullable(),
  /** 1-based line, or null when the problem is not tied to a line. */
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  severity: SeveritySchema,
  /** Stable identifier from the catalog in `codes.ts`, e.g. `adr/invalid-front-matter`. */
  code: z.string(),
  /** What happened, in one sentence. */
  message: z.string(),
  /** What to do about it. */
  hint: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** Where in a file a diagnostic points. */
export interface Position {
  file: string | null;
  line?: number | null;
  column?: number | null;
}

/** Creates a diagnostic; line and column default to null. */
export function createDiagnostic(
  position: Position,
  details: { severity: Severity; code: string; message: string; hint: string },
): Diagnostic {
  return {
    file: position.file,
    line: position.line ?? null,
    column: position.column ?? null,
    ...details,
  };
}

/** Sorts diagnostics by file, line and code so reports are stable from build to build. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** Formats one diagnostic as `file:line:column severity code message` plus its hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.file
    ? [diagnostic.file, diagnostic.line, diagnostic.column].filter((part) => part != null).join(':')
    : '(repo)';
  return `${where} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}\n    hint: ${diagnostic.hint}`;
}
