import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `templates/` of the Handover package: the files `handover init` and `handover adr new` copy. */
export const TEMPLATES_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Values for the `{{NAME}}` placeholders in `templates/`. */
export interface TemplateValues {
  SERVICE_NAME: string;
  /** The build date (HANDOVER_TODAY, SOURCE_DATE_EPOCH or today), YYYY-MM-DD. */
  DATE: string;
  HANDOVER_VERSION: string;
  /** The repo-relative ADR folder, e.g. `docs/adr`. */
  ADR_FOLDER: string;
  /** The branch releases are cut from (`main` when git cannot tell): the CI templates build it to keep warm caches. */
  DEFAULT_BRANCH: string;
}

/** Reads a template by its path under `templates/`. */
export async function readTemplate(name: string): Promise<string> {
  return readFile(path.join(TEMPLATES_ROOT, name), 'utf8');
}

/**
 * Replaces `{{NAME}}` placeholders. Upper-case names only, with no spaces, so GitHub Actions'
 * `${{ expression }}` passes through untouched; a placeholder with no value is a bug in a template.
 */
export function fillPlaceholders(text: string, values: TemplateValues): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`The template placeholder ${placeholder} has no value; this is a bug in Handover's templates.`);
    return values[name as keyof TemplateValues];
  });
}

/** What adr-tools substitutes into an ADR template. */
export interface AdrTemplateValues {
  number: number;
  title: string;
  date: string;
  status: string;
}

/**
 * Fills an ADR template the way adr-tools does (`sed s/NUMBER/.../`): the first NUMBER, TITLE,
 * DATE and STATUS on each line, so a team's own `templates/template.md` works with both tools.
 */
export function fillAdrTemplate(text: string, values: AdrTemplateValues): string {
  const replacements: Record<string, string> = { NUMBER: String(values.number), TITLE: values.title, DATE: values.date, STATUS: values.status };
  // One pass per line, so a title that contains "DATE" is not itself rewritten.
  return text
    .split('\n')
    .map((line) => {
      const used = new Set<string>();
      return line.replace(/NUMBER|TITLE|DATE|STATUS/g, (token) => (used.has(token) ? token : (used.add(token), replacements[token]!)));
    })
    .join('\n');
}
