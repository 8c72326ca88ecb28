import { existsSync } from 'node:fs';
import path from 'node:path';
import { hashParts, KeyedCache } from '../../cache/keyed-cache.ts';
import { GIT_AT_ONCE, hasGitHistory, mapInTurns, runGit } from '../git/run-git.ts';
import { orderReleaseTags, parseTagRefs, type TagLog, type TagRef } from './tag-release-notes.ts';

/** Commit subjects listed per release; the rest are counted ("and N more"). */
export const MAX_SUBJECTS = 100;
/** Releases made from tags, newest first; older tags are left out. */
export const MAX_TAG_RELEASES = 100;

/** What git says about the release built: HEAD, its date and tags, and (if asked) the tag history. */
export interface GitReleaseFacts {
  /** Full SHA of HEAD, or null without git history. */
  commit: string | null;
  /** ISO committer date of HEAD, or null. */
  commitDate: string | null;
  /** Tags pointing at HEAD. */
  headTags: string[];
  /** Commits since the newest release tag, then each release tag's commits, newest first. */
  history: TagLog[];
}

const NONE: GitReleaseFacts = { commit: null, commitDate: null, headTags: [], history: [] };

/** The subjects of a range of commits, and how many there are. */
type CommitLog = { subjects: string[]; total: number };

/**
 * The commit logs of earlier builds' tag histories (work dir), by the commits a range runs
 * between: commits never change, so a rebuild (and every save in `handover dev`) runs no
 * `git log` for releases it has listed before.
 */
export function openTagHistoryCache(cacheDir: string | null): Promise<KeyedCache<CommitLog>> {
  return KeyedCache.open<CommitLog>(cacheDir, 'handover-tag-history-cache.json', '1');
}

/**
 * Reads HEAD's commit, committer date and tags; with `history`, also the release tags and the
 * subjects of the commits between consecutive ones. Needs `.git` at the repo root, as the
 * other git readers do. `history` may be a promise: HEAD and the tags are read at once (two git
 * processes, started while the caller still works out whether it needs the history), the
 * history's `git log`s only once it resolves true.
 */
export async function readGitRelease(repoRoot: string, options: { history: boolean | Promise<boolean>; cache?: KeyedCache<CommitLog> | Promise<KeyedCache<CommitLog>> }): Promise<GitReleaseFacts> {
  if (!(await hasGitHistory(repoRoot))) return NONE;
  // Each tag's own object and, for an annotated tag, the commit it tags: the tags at HEAD are
  // those naming it either way (as `git tag --points-at HEAD` lists them), without a third process.
  const [headLine, refs] = await Promise.all([
    runGit(['log', '-1', '--format=%H%x00%cs', 'HEAD', '--'], repoRoot),
    runGit(['for-each-ref', '--format=%(refname:strip=2)%00%(creatordate:unix)%00%(creatordate:short)%00%(objectname)%00%(*objectname)', 'refs/tags'], repoRoot),
  ]);
  const [head = '', date = ''] = (headLine ?? '').trim().split('\0');
  if (!/^[0-9a-f]{40}$/.test(head)) return NONE;
  const allTags = parseTagRefs(refs ?? '');
  const headTags = allTags.filter((tag) => tag.commit === head).map((tag) => tag.name);
  const facts = { commit: head, commitDate: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, headTags, history: [] as TagLog[] };
  if (!(await options.history)) return facts;
  const tags = orderReleaseTags(allTags).slice(0, MAX_TAG_RELEASES + 1);
  if (tags.length === 0) return facts;
  const released = tags.slice(0, MAX_TAG_RELEASES);
  // Each range runs from the previous tag (none: every commit before) to a tag, or HEAD (null);
  // the oldest tag listed holds every commit before it, unless older tags were cut off.
  const ranges: { from: TagRef | null; to: TagRef | null }[] = [{ from: tags[0]!, to: null }, ...released.map((tag, index) => ({ from: tags[index + 1] ?? null, to: tag }))];
  const ref = (tag: TagRef | null) => (tag ? `refs/tags/${tag.name}` : 'HEAD');
  const commitOf = (tag: TagRef | null) => (tag ? tag.commit : head);
  // A shallow clone's logs stop at its depth: they are not what a full clone of the same commits lists.
  const cache = existsSync(path.join(repoRoot, '.git', 'shallow')) ? undefined : await options.cache;
  // One `git log` per range not cached, a few at once (a service with a hundred release tags and no changelog).
  const [unreleased, ...perTag] = await mapInTurns(ranges, GIT_AT_ONCE, async ({ from, to }) => {
    // Keyed by the commits the range runs between: commits never change.
    const ends = from ? [commitOf(from), commitOf(to)] : [commitOf(to)];
    const key = cache?.enabled && ends.every(Boolean) ? hashParts(['log', ...ends]) : null;
    const cached = key ? cache!.get(key) : undefined;
    if (cached) return cached;
    const { complete, ...log } = await commitsIn(from ? `${ref(from)}..${ref(to)}` : ref(to), repoRoot);
    // What git could not fully answer is shown as far as it goes, and asked again next time.
    if (key && complete) cache!.set(key, log);
    return log;
  });
  if (unreleased!.total > 0) facts.history.push({ tag: null, date: null, ...unreleased! });
  released.forEach((tag, index) => facts.history.push({ tag: tag.name, date: tag.date, ...perTag[index]! }));
  return facts;
}

/**
 * Subjects of the commits in a range (no merges), at most MAX_SUBJECTS, and their total, and
 * whether git answered in full (a failed `git log` lists nothing; a failed count counts what was listed).
 */
async function commitsIn(range: string, repoRoot: string): Promise<CommitLog & { complete: boolean }> {
  const output = await runGit(['log', '--no-merges', '--format=%s', `-n${MAX_SUBJECTS + 1}`, range, '--'], repoRoot);
  if (output === null) return { subjects: [], total: 0, complete: false };
  const subjects = output.split('\n').filter(Boolean);
  if (subjects.length <= MAX_SUBJECTS) return { subjects, total: subjects.length, complete: true };
  const counted = (await runGit(['rev-list', '--no-merges', '--count', range, '--'], repoRoot))?.trim() ?? '';
  const total = /^\d+$/.test(counted) ? Number(counted) : null;
  return { subjects: subjects.slice(0, MAX_SUBJECTS), total: total ?? subjects.length, complete: total !== null };
}
