import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blameDates, openBlameCache } from '../../../scripts/sources/git/blame-dates.ts';
import { readGitRelease } from '../../../scripts/sources/release/read-git-release.ts';

// Debt markers in code (TODO, FIXME) are dated by `git blame`, one run per file. Real repositories
// have hundreds of such files, so the runs go a few at once and a rebuild of the same commit (and
// every save in `handover dev`) takes them from the work dir's cache.
describe('blame dates of code markers', () => {
  let root: string;
  let cacheDir: string;
  const lines = new Map(Array.from({ length: 7 }, (_, index) => [`src/file-${index}.ts`, [2]]));
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handover-blame-'));
    cacheDir = path.join(root, '.work');
    const git = (date: string, ...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } });
    git('2026-01-10T12:00:00Z', 'init', '-q', '-b', 'main');
    execFileSync('mkdir', ['-p', path.join(root, 'src')]);
    for (const file of lines.keys()) await writeFile(path.join(root, file), 'export const a = 1;\n// TODO: later\n');
    git('2026-01-10T12:00:00Z', 'add', 'src');
    git('2026-01-10T12:00:00Z', 'commit', '-q', '-m', 'Add files');
    // The last file's marker line changes in a second commit.
    await writeFile(path.join(root, 'src/file-6.ts'), 'export const a = 1;\n// FIXME: sooner\n');
    git('2026-03-02T12:00:00Z', 'commit', '-q', '-am', 'Change a marker');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('dates every file, in the order asked, whichever blame finishes first', async () => {
    const dates = await blameDates(root, lines);
    expect([...dates]).toEqual([...lines.keys()].map((file, index) => [`${file}:2`, index === 6 ? '2026-03-02' : '2026-01-10']));
  });

  it('takes files blamed by an earlier build of the same commit from the cache, and keeps no incomplete answer', async () => {
    const head = (await readGitRelease(root, { history: false })).commit;
    const first = await openBlameCache(cacheDir);
    const dates = await blameDates(root, lines, { head, cache: first });
    expect(first.misses).toBe(7);
    await first.save();
    // An uncommitted marker has no date yet: that file is blamed again next time.
    await appendFile(path.join(root, 'src/file-0.ts'), '// TODO: not committed\n');
    const withUncommitted = new Map([...lines, ['src/file-0.ts', [2, 3]]]);
    const second = await openBlameCache(cacheDir);
    expect(await blameDates(root, withUncommitted, { head, cache: second })).toEqual(dates);
    expect([second.hits, second.misses]).toEqual([6, 1]);
    await second.save();
    const third = await openBlameCache(cacheDir);
    await blameDates(root, withUncommitted, { head, cache: third });
    expect([third.hits, third.misses]).toEqual([6, 1]);
  });
});
