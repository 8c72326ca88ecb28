import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashParts, KeyedCache } from '../../cache/keyed-cache.ts';
import { GIT_AT_ONCE, hasGitHistory, mapInTurns, runGit } from './run-git.ts';

/**
 * Blame results of earlier builds (work dir), by the commit the work tree is at, the file's path
 * and contents, and the lines asked for: a rebuild of the same commit, and every save in
 * `handover dev`, blames only the files that changed. Keyed by the commit, never by the contents
 * alone, so that a rewritten history cannot serve dates another build of the same commit would
 * not see.
 */
export function openBlameCache(cacheDir: string | null): Promise<KeyedCache<Record<string, string>>> {
  return KeyedCache.open<Record<string, string>>(cacheDir, 'handover-blame-cache.json', '1');
}

/**
 * For each file, the date (ISO) each of the given lines was last changed, from one
 * `git blame --line-porcelain` run per file (never one per line), a few files at once. Empty
 * without git history; lines not yet committed are absent. With a cache and the commit the work
 * tree is at (`head`), files blamed by an earlier build of the same commit are not blamed again.
 */
export async function blameDates(repoRoot: string, linesByFile: ReadonlyMap<string, readonly number[]>, options: { head?: string | null; cache?: KeyedCache<Record<string, string>> } = {}): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (linesByFile.size === 0 || !(await hasGitHistory(repoRoot))) return dates;
  const files = [...linesByFile];
  const found = await mapInTurns(files, GIT_AT_ONCE, ([file, lines]) => blameFile(repoRoot, file, lines, options));
  files.forEach(([file], index) => {
    for (const [line, date] of Object.entries(found[index]!)) dates.set(`${file}:${line}`, date);
  });
  return dates;
}

/** The dates of the wanted lines of one file, by line number, from the cache or `git blame`. */
async function blameFile(repoRoot: string, file: string, lines: readonly number[], options: { head?: string | null; cache?: KeyedCache<Record<string, string>> }): Promise<Record<string, string>> {
  const wanted = new Set(lines);
  let key: string | null = null;
  if (options.cache?.enabled && options.head) {
    let contents: Buffer | null = null;
    try {
      contents = readFileSync(path.join(repoRoot, file));
    } catch {
      // Gone since it was read: blamed (and not cached) below.
    }
    if (contents) key = hashParts([options.head, file, createHash('sha256').update(contents).digest('hex'), [...wanted].sort((a, b) => a - b).join(',')]);
    const cached = key ? options.cache.get(key) : undefined;
    if (cached) return cached;
  }
  const output = (await runGit(['blame', '--line-porcelain', '--', file], repoRoot)) ?? '';
  const dates: Record<string, string> = {};
  let line = 0;
  let committed = true;
  for (const text of output.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(text);
    if (header) {
      line = Number(header[2]);
      committed = !/^0+$/.test(header[1]!);
    } else if (text.startsWith('committer-time ') && committed && wanted.has(line)) {
      dates[line] = new Date(Number(text.slice(15)) * 1000).toISOString().slice(0, 10);
    }
  }
  // Only a complete answer is kept: a line not yet committed gets its date once it is.
  if (key && output && Object.keys(dates).length === wanted.size) options.cache!.set(key, dates);
  return dates;
}
