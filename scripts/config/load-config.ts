import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { ConfigSchema, type HandoverConfig } from './schema.ts';

/** File names looked for at the repo root, in order. */
export const CONFIG_FILE_NAMES = ['handover.config.yaml', 'handover.config.yml', 'handover.config.json'];

export interface LoadedConfig {
  config: HandoverConfig;
  /** Repo-relative path of the file read, or null when there is none. */
  file: string | null;
  /** The file's text as read (for diagnostics that point at a line of it), or null. */
  text: string | null;
  diagnostics: Diagnostic[];
}

/** Reads and validates the repo's config file; a broken file yields diagnostics and the defaults. */
export async function loadConfig(repoRoot: string): Promise<LoadedConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    let text: string;
    try {
      // A config that is a symlink out of the repository is not read (it could be any file).
      const [root, resolved] = await Promise.all([realpath(repoRoot), realpath(path.join(repoRoot, name))]);
      if (!resolved.startsWith(root + path.sep)) {
        return {
          config: ConfigSchema.parse({}),
          file: name,
          text: null,
          diagnostics: [createDiagnostic({ file: name }, { severity: 'error', code: 'source/outside-repo', message: 'The config file is a link to a place outside the repository, so it was not read; Handover uses its defaults.', hint: 'Copy the config into the repository instead of linking to it.' })],
        };
      }
      text = await readFile(resolved, 'utf8');
    } catch {
      continue;
    }
    return { ...parseConfigText(text, name), file: name, text };
  }
  return { config: ConfigSchema.parse({}), file: null, text: null, diagnostics: [] };
}

/** Parses config text (YAML is a superset of JSON) into a validated config, pure. */
export function parseConfigText(text: string, file: string): { config: HandoverConfig; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fallback = ConfigSchema.parse({});
  if (document.errors.length > 0) {
    const diagnostics = document.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return createDiagnostic(
        { file, line: at.line, column: at.col },
        {
          severity: 'error',
          code: 'config/invalid-syntax',
          message: `The config file is not valid YAML: ${error.message.split('\n')[0]}`,
          hint: 'Fix the syntax at this line; until then Handover uses its defaults.',
        },
      );
    });
    return { config: fallback, diagnostics };
  }
  let value: unknown;
  try {
    // toJS throws on a YAML bomb (aliases expanding to billions of nodes): a diagnostic, not a crash.
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    return {
      config: fallback,
      diagnostics: [createDiagnostic({ file, line: 1 }, {
        severity: 'error',
        code: 'config/invalid-syntax',
        message: `The config file could not be read: ${(error as Error).message.split('\n')[0]}`,
        hint: 'Remove the repeated aliases (`*name`); until then Handover uses its defaults.',
      })],
    };
  }
  const result = ConfigSchema.safeParse(value);
  if (result.success) return { config: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => {
    const offset = issueOffset(document, issue);
    const at = offset == null ? null : lineCounter.linePos(offset);
    return createDiagnostic(
      { file, line: at?.line ?? null, column: at?.col ?? null },
      {
        severity: 'error',
        code: 'config/invalid-option',
        message: describeIssue(issue),
        hint: 'See the options in the README ("Configuration"); until this is fixed Handover uses its defaults.',
      },
    );
  });
  return { config: fallback, diagnostics };
}

/** Turns a zod issue into a sentence naming the option, as Starlight's friendly errors do. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const option = issue.path.join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? ` in \`${option}\`` : '';
    return `Unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}${where}.`;
  }
  return `Option \`${option}\`: ${issue.message}.`;
}

/** Where in the file a zod issue points: the unknown key itself, else the value at its path. */
function issueOffset(document: Document, issue: z.core.$ZodIssue): number | undefined {
  const path = issue.path as (string | number)[];
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (issue.code === 'unrecognized_keys' && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === issue.keys[0]);
    const key = pair?.key as { range?: [number, number] } | undefined;
    if (key?.range) return key.range[0];
  }
  return (node as { range?: [number, number] } | null)?.range?.[0];
}
