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
    // The git remote gives the repository's web URL when neither config nor package.json does.
    const git = await glob(['.git/config', '.git/HEAD'], { cwd: repoRoot, dot: true });
    return [readme, found.includes('package.json') ? 'package.json' : undefined, ...git.sort()].filter((name): name is string => Boolean(name));
  },
  parse(file) {
    if (file.path === 'package.json') return parsePackageJson(file);
    if (file.path === '.git/config') return { records: [{ kind: 'git-remote', path: file.path, repoUrl: webUrl(originUrl(file.text)) }], diagnostics: [] };
    if (file.path === '.git/HEAD') return { records: [{ kind: 'git-head', path: file.path, branch: /^ref: refs\/heads\/(.+)$/m.exec(file.text)?.[1]?.trim() ?? null }], diagnostics: [] };
    return parseReadme(file);
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

/** The URL of the `origin` remote in a `.git/config` file, or null. */
export function originUrl(gitConfig: string): string | null {
  const section = /^\[remote "origin"\]\s*$([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(gitConfig)?.[1] ?? '';
  return /^\s*url\s*=\s*(\S+)\s*$/m.exec(section)?.[1] ?? null;
}

/** `git+https://github.com/o/r.git`, `github:o/r` or `o/r` -> `https://github.com/o/r`. */
export function webUrl(repository: string | null): string | null {
  if (!repository) return null;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const ssh = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?$/.exec(repository);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const url = /^(?:git\+)?(https?:\/\/[^\s]+?)(?:\.git)?\/?$/.exec(repository);
  // Never publish credentials embedded in a remote URL (https://user:token@host/...).
  return url ? url[1]!.replace(/^(https?:\/\/)[^/@]+@/, '$1') : null;
}
