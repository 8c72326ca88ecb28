import { readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';

/** A document a `--public` build leaves out, and why. */
export interface InternalDocument {
  /** Repo-relative path. */
  path: string;
  /** `front-matter` (`visibility: internal` in the file), or the `visibility.internal` glob that matched. */
  reason: { kind: 'front-matter' } | { kind: 'glob'; glob: string };
}

/** Whether a document's front matter says `visibility: internal` (case-insensitive). */
export function frontMatterSaysInternal(text: string): boolean {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return false;
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { maxAliasCount: 100 });
  } catch {
    // Front matter that is not valid YAML is reported by the sources; its plain line still counts.
    return /^visibility:[ \t]*["']?internal["']?[ \t]*$/im.test(match[1]!);
  }
  const value = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).visibility : undefined;
  return typeof value === 'string' && value.trim().toLowerCase() === 'internal';
}

/** The internal documents among `paths`: by a `visibility.internal` glob, else by their front matter. */
export async function findInternalDocuments(repoRoot: string, paths: readonly string[], globs: readonly string[]): Promise<InternalDocument[]> {
  const matchers = globs.map((glob) => ({ glob, matches: picomatch(glob, { dot: true }) }));
  const found: InternalDocument[] = [];
  for (const file of [...new Set(paths)].sort()) {
    const glob = matchers.find((matcher) => matcher.matches(file))?.glob;
    if (glob) {
      found.push({ path: file, reason: { kind: 'glob', glob } });
      continue;
    }
    const text = await readFile(path.join(repoRoot, file), 'utf8').catch(() => '');
    if (frontMatterSaysInternal(text)) found.push({ path: file, reason: { kind: 'front-matter' } });
  }
  return found;
}

/** The reason for the build report, in words. */
export function describeReason(reason: InternalDocument['reason']): string {
  return reason.kind === 'front-matter' ? 'visibility: internal in its front matter' : `matches visibility.internal glob ${reason.glob}`;
}
