import type { List, Root } from 'mdast';
import type { ReleaseNotes } from '../../model/schemas/release.ts';
import { compareVersions, readVersion } from './version-text.ts';

/** A tag as `git for-each-ref` lists it. */
export interface TagRef {
  name: string;
  /** Seconds since the epoch of the tag (annotated) or its commit (lightweight). */
  time: number;
  /** ISO date of the same. */
  date: string | null;
  /** The commit the tag names (an annotated tag's target), or '' when git did not say. */
  commit: string;
}

/** The commit subjects of one release: those after the previous tag up to this one. */
export interface TagLog {
  /** The tag, or null for the commits since the newest tag. */
  tag: string | null;
  date: string | null;
  /** Subjects, newest first, at most the cap. */
  subjects: string[];
  /** How many commits the release has in all (may exceed `subjects.length`). */
  total: number;
}

/** Release tags (`v1.2.0`, not `deployed`), newest first; ties (tags made the same second) by version. */
export function orderReleaseTags(tags: readonly TagRef[]): TagRef[] {
  return tags
    .filter((tag) => readVersion(tag.name) !== null)
    .sort((a, b) => b.time - a.time || compareVersions(readVersion(b.name)!, readVersion(a.name)!) || a.name.localeCompare(b.name));
}

/**
 * Parses `git for-each-ref --format=%(refname:strip=2)%00%(creatordate:unix)%00%(creatordate:short)%00%(objectname)%00%(*objectname)`:
 * the last two are the tag's own object and, for an annotated tag, the commit it tags.
 */
export function parseTagRefs(output: string): TagRef[] {
  return output.split('\n').filter(Boolean).map((line) => {
    const [name = '', time = '0', date = '', object = '', target = ''] = line.split('\0');
    return { name, time: Number(time) || 0, date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, commit: target || object };
  });
}

/** Release notes made from tags and their commit subjects, when the repo has no changelog. */
export function tagReleaseNotes(logs: readonly TagLog[]): ReleaseNotes[] {
  return logs.map((log) => ({
    kind: 'release-notes',
    id: log.tag === null ? 'unreleased' : log.tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'release',
    version: log.tag === null ? 'Unreleased' : readVersion(log.tag) ?? log.tag,
    unreleased: log.tag === null,
    date: log.date,
    url: null,
    yanked: false,
    sections: log.subjects.length > 0 ? [{ title: null, body: subjectList(log) }] : [],
    origin: 'git-tags',
    tag: log.tag,
    source: null,
  }));
}

/** A bulleted list of subjects, as text nodes (never parsed as Markdown), and "and N more". */
function subjectList(log: TagLog): Root {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: log.subjects.map((subject) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: subject }] }] })),
  };
  const more = log.total - log.subjects.length;
  return { type: 'root', children: [list, ...(more > 0 ? [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: `and ${more} more commit${more === 1 ? '' : 's'}` }] }] : [])] };
}
