import { glob } from 'tinyglobby';
import { createDiagnostic } from '../../diagnostics/diagnostic.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import type { ParseResult, Source, SourceText } from '../types.ts';
import type { ServiceFact } from './service-fact.ts';

/** The service as a whole: its README (the overview page) and package.json (name, version). */
export const serviceSource: Source<ServiceFact> = {
  kind: 'service',
  async discover({ repoRoot }) {
    const found = await glob(['README.md', 'README.markdown', 'README', 'readme.md', 'package.json'], { cwd: repoRoot, caseSensitiveMatch: true, deep: 1 });
    const readme = found.filter((name) => name !== 'package.json').sort()[0];
    return [readme, found.includes('package.json') ? 'package.json' : undefined].filter((name): name is string => Boolean(name));
  },
  parse(file) {
    return file.path === 'package.json' ? parsePackageJson(file) : parseReadme(file);
  },
};

/** Reads the README into the overview body; its first heading is usually the service name. */
export function parseReadme(file: SourceText): ParseResult<ServiceFact> {
  const { tree, diagnostics } = parseMarkdown(file.text, file.path);
  const first = tree.children[0];
  const heading = first?.type === 'heading' && first.depth === 1 ? first : null;
  const body = { ...tree, children: heading ? tree.children.slice(1) : tree.children };
  return { records: [{ kind: 'readme', path: file.path, body }], diagnostics };
}

/** Reads name, version, description and repository URL from package.json. */
export function parsePackageJson(file: SourceText): ParseResult<ServiceFact> {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(file.text) as Record<string, unknown>;
  } catch (error) {
    return {
      records: [],
      diagnostics: [createDiagnostic({ file: file.path, line: 1 }, {
        severity: 'warning',
        code: 'service/invalid-package-json',
        message: `package.json is not valid JSON (${(error as Error).message}), so the service name and version come from elsewhere.`,
        hint: 'Fix package.json, or set `service.name` in handover.config.yaml.',
      })],
    };
  }
  const text = (key: string) => (typeof value[key] === 'string' && (value[key] as string).trim() ? (value[key] as string).trim() : null);
  const repository = value.repository;
  const repositoryUrl = typeof repository === 'string' ? repository : typeof (repository as { url?: unknown })?.url === 'string' ? (repository as { url: string }).url : null;
  return {
    records: [{ kind: 'package', path: file.path, name: text('name'), version: text('version'), description: text('description'), repoUrl: webUrl(repositoryUrl) }],
    diagnostics: [],
  };
}

/** `git+https://github.com/o/r.git`, `github:o/r` or `o/r` -> `https://github.com/o/r`. */
export function webUrl(repository: string | null): string | null {
  if (!repository) return null;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const ssh = /^git@([^:]+):(.+?)(?:\.git)?$/.exec(repository);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const url = /^(?:git\+)?(https?:\/\/[^\s]+?)(?:\.git)?\/?$/.exec(repository);
  return url ? url[1]! : null;
}
