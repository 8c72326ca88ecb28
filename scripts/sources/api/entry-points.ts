import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parse as parseJsonc } from 'yaml';

/** Entry points found, and what was tried (for the diagnostic when none is found). */
export interface EntryPoints {
  files: string[];
  tried: string[];
}

const FALLBACKS = ['src/index.ts', 'src/index.tsx', 'index.ts', 'src/main.ts', 'lib/index.ts'];

/**
 * The TypeScript entry points of the service: `api.entryPoints`, else `typedoc.json`, else
 * package.json (`exports`, `types`, `main`, mapping built `dist/*.js` back to `src/*.ts`) for
 * the package and its workspaces, else `src/index.ts` and the like. Repo-relative paths.
 */
export async function findEntryPoints(repoRoot: string, configured: string[] | undefined): Promise<EntryPoints> {
  const tried: string[] = [];
  const existing = async (files: string[]) => (await Promise.all(files.map(async (file) => ((await isFileInside(repoRoot, file)) ? file : null)))).filter((file): file is string => file !== null);
  if (configured) {
    tried.push('api.entryPoints in handover.config.yaml');
    return { files: await existing(configured.map(clean)), tried };
  }
  tried.push('typedoc.json entryPoints');
  const typedoc = await readJson(path.join(repoRoot, 'typedoc.json'));
  const declared = Array.isArray(typedoc?.entryPoints) ? (typedoc.entryPoints as unknown[]).filter((entry): entry is string => typeof entry === 'string') : [];
  if (declared.length > 0) {
    const expanded = await existing((await glob(declared.map(clean), { cwd: repoRoot, ignore: ['**/node_modules/**'] })).filter((file) => /\.(ts|tsx|mts|cts)$/.test(file)));
    if (expanded.length > 0) return { files: expanded.sort(), tried };
  }
  tried.push('package.json exports, types and main (and workspaces)');
  const packages = ['.', ...(await workspaces(repoRoot))];
  const fromPackages: string[] = [];
  for (const folder of packages) {
    const manifest = await readJson(path.join(repoRoot, folder, 'package.json'));
    if (!manifest) continue;
    const candidates = [...exportTargets(manifest.exports), manifest.types, manifest.typings, manifest.main].filter((value): value is string => typeof value === 'string');
    for (const candidate of candidates) {
      const sources = await existing(sourceFor(path.posix.join(folder, clean(candidate))));
      if (sources[0]) {
        fromPackages.push(sources[0]);
        break;
      }
    }
  }
  if (fromPackages.length > 0) return { files: [...new Set(fromPackages)].sort(), tried };
  tried.push(FALLBACKS.join(', '));
  const fallback = await existing(FALLBACKS);
  return { files: fallback.slice(0, 1), tried };
}

/** Source files a package path may have been built from: itself if TypeScript, else src/ twins. */
function sourceFor(target: string): string[] {
  const normalised = path.posix.normalize(target);
  if (/\.(ts|tsx|mts|cts)$/.test(normalised) && !normalised.endsWith('.d.ts')) return [normalised];
  const stem = normalised.replace(/\.d\.ts$|\.(m|c)?js$/, '');
  const fromSrc = stem.replace(/(^|\/)(dist|lib|build|out|esm|cjs)\//, '$1src/');
  return [`${stem}.ts`, `${fromSrc}.ts`, `${fromSrc}.tsx`, `${fromSrc}/index.ts`];
}

function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (!exports || typeof exports !== 'object') return [];
  const entry = (exports as Record<string, unknown>)['.'] ?? exports;
  if (typeof entry === 'string') return [entry];
  if (!entry || typeof entry !== 'object') return [];
  const record = entry as Record<string, unknown>;
  return ['types', 'typescript', 'source', 'import', 'default', 'require'].flatMap((key) => exportTargets(record[key]));
}

async function workspaces(repoRoot: string): Promise<string[]> {
  const manifest = await readJson(path.join(repoRoot, 'package.json'));
  const patterns = Array.isArray(manifest?.workspaces) ? manifest.workspaces : Array.isArray((manifest?.workspaces as { packages?: unknown })?.packages) ? (manifest!.workspaces as { packages: unknown[] }).packages : [];
  const globs = (patterns as unknown[]).filter((pattern): pattern is string => typeof pattern === 'string').map((pattern) => `${clean(pattern)}/package.json`);
  if (globs.length === 0) return [];
  return (await glob(globs, { cwd: repoRoot, ignore: ['**/node_modules/**'] })).map((file) => path.posix.dirname(file)).sort();
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    // Strict JSON first (the common case, and much faster); then YAML, a superset of JSON that
    // forgives the comments and trailing commas hand-edited files carry.
    const value: unknown = parseStrictJson(text) ?? parseJsonc(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function parseStrictJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True for a regular file that is in the repo once symlinks are resolved: TypeDoc reads nothing outside it. */
async function isFileInside(repoRoot: string, file: string): Promise<boolean> {
  try {
    const [root, resolved] = await Promise.all([realpath(repoRoot), realpath(path.join(repoRoot, file))]);
    return resolved.startsWith(root + path.sep) && (await stat(resolved)).isFile();
  } catch {
    return false;
  }
}

function clean(file: string): string {
  return file.replace(/^\.\//, '');
}
