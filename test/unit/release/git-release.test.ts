import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseHistory, resolveRelease } from '../../../scripts/model/resolve-release.ts';
import { openTagHistoryCache, readGitRelease } from '../../../scripts/sources/release/read-git-release.ts';
import { tagReleaseNotes } from '../../../scripts/sources/release/tag-release-notes.ts';
import { pickReleaseTag } from '../../../scripts/sources/release/version-text.ts';

let repo: string;
let day = 0;

function git(...args: string[]) {
  // Fixed dates, one day apart per commit or tag: the release date must come from the commit, never the clock.
  if (args[0] === 'commit' || (args[0] === 'tag' && args.length > 2)) day++;
  const date = `2021-03-${String(day).padStart(2, '0')}T12:00:00Z`;
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });
}
const commit = (subject: string) => git('commit', '--allow-empty', '-q', '-m', subject);

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'handover-release-'));
  git('init', '-q', '-b', 'main');
  await writeFile(path.join(repo, 'package.json'), '{ "version": "1.1.0-dev" }\n');
  git('add', '.');
  commit('Initial commit');
  commit('Add the applications endpoint');
  git('tag', 'v1.0.0');
  commit('Fix expiry dates in BST');
  commit('Queue evidence scans');
  git('tag', '-a', 'v1.1.0', '-m', 'Release 1.1.0');
  git('tag', 'deployed-staging');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('the release built', () => {
  it('is the version tag at HEAD, with the commit and its committer date (not the clock)', async () => {
    const facts = await readGitRelease(repo, { history: false });
    const head = git('rev-parse', 'HEAD').trim();
    expect(resolveRelease(facts, '1.1.0-dev', '2030-01-01')).toEqual({
      kind: 'release', id: 'release', version: '1.1.0', versionSource: 'tag', tag: 'v1.1.0',
      commit: head, shortCommit: head.slice(0, 7), date: '2021-03-04', dateSource: 'commit',
    });
    expect(facts.history).toEqual([]);
  });

  it('is package.json\'s version when HEAD has no version tag', async () => {
    commit('Start 1.2.0');
    const release = resolveRelease(await readGitRelease(repo, { history: false }), '1.1.0-dev', '2030-01-01');
    expect(release).toMatchObject({ version: '1.1.0-dev', versionSource: 'package', tag: null, date: '2021-03-06', dateSource: 'commit' });
  });

  it('falls back to the build date, and no version, without git or package.json', () => {
    expect(resolveRelease(undefined, null, '2026-11-27')).toMatchObject({ version: null, versionSource: 'none', commit: null, shortCommit: null, date: '2026-11-27', dateSource: 'build' });
  });

  it('prefers the highest version among tags at HEAD and ignores tags that are not versions', () => {
    expect(pickReleaseTag(['deployed', 'v1.2.0', 'v1.10.0', 'v1.10.0-rc.1'])).toBe('v1.10.0');
    expect(pickReleaseTag(['deployed', 'latest'])).toBeNull();
  });
});

describe('the release history from git tags (no changelog)', () => {
  it('lists each version tag with the subjects of its commits, newest first, and the unreleased commits', async () => {
    const releases = releaseHistory([], await readGitRelease(repo, { history: true }));
    expect(releases.map((notes) => [notes.version, notes.tag, notes.date, notes.origin])).toEqual([
      ['Unreleased', null, null, 'git-tags'],
      ['1.1.0', 'v1.1.0', '2021-03-05', 'git-tags'],
      ['1.0.0', 'v1.0.0', '2021-03-02', 'git-tags'],
    ]);
    const subjects = releases.map((notes) => notes.sections.map((section) => toString(section.body, { includeHtml: false })).join());
    expect(subjects).toEqual(['Start 1.2.0', 'Queue evidence scansFix expiry dates in BST', 'Add the applications endpointInitial commit']);
  });

  it('takes the logs of ranges listed before from the work dir cache, keyed by commits, and lists the same history', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'handover-tag-cache-'));
    try {
      const first = await openTagHistoryCache(cacheDir);
      const fresh = await readGitRelease(repo, { history: Promise.resolve(true), cache: first });
      expect(first.misses).toBe(3);
      await first.save();
      const second = await openTagHistoryCache(cacheDir);
      expect(await readGitRelease(repo, { history: true, cache: second })).toEqual(fresh);
      expect([second.hits, second.misses]).toEqual([3, 0]);
      // A new commit changes the unreleased range only.
      commit('Start 1.3.0');
      const third = await openTagHistoryCache(cacheDir);
      const moved = await readGitRelease(repo, { history: true, cache: third });
      expect([third.hits, third.misses]).toEqual([2, 1]);
      expect(moved.history[0]!.subjects[0]).toBe('Start 1.3.0');
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('is not read when the changelog has releases', async () => {
    expect((await readGitRelease(repo, { history: false })).history).toEqual([]);
  });

  it('says how many commits are left out past the cap, and keeps subjects as text', () => {
    const [notes] = tagReleaseNotes([{ tag: 'v2.0.0', date: '2022-01-01', subjects: ['Use <Badge> {props}', 'Two'], total: 150 }]);
    const body = notes!.sections[0]!.body;
    expect(body.children.map((node) => node.type)).toEqual(['list', 'paragraph']);
    expect(toString(body.children[1]!)).toBe('and 148 more commits');
    expect(JSON.stringify(body)).toContain('"type":"text","value":"Use <Badge> {props}"');
  });
});
