import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownFolderTest, RepoListing, type ListingGlobOptions } from '../../../scripts/sources/shared/repo-files.ts';

// The document folders' searches that do not follow links (ADRs, runbooks) filter git's listing
// instead of walking the repository: for every file git sees, they must find what tinyglobby finds,
// tracked or not, links left out. Searches that follow links walk, as before.
const FILES = [
  'README.md', 'adr-001-root.md', 'TECH_DEBT.md', 'notes.txt',
  'docs/adr/0001-use-x.md', 'docs/adr/superseded/0000-old.md', 'docs/adr/diagram.png', 'docs/adr/.template.md',
  'docs/ADRs/0001-x.md', 'Docs/Decisions/README.md',
  'a/b/c/adr/1.md', 'a/b/c/d/adr/1.md', 'a/b/c/d/e/adr/1.md',
  'services/pay/docs/decisions/0001.md', 'node_modules/pkg/adr/1.md', '.github/adr/1.md', 'vendor/x/runbooks/r.md',
  'docs/runbooks/HighLatency.md', 'docs/runbooks/Makefile', 'docs/runbooks/_draft', 'docs/runbooks/NoExtension', 'docs/runbooks/page.md.erb',
  'ops/alerts/cpu.md', 'ops/alerts/rules.yml', 'docs/team/runbooks/x.md', 'dist/runbooks/y.md',
  'docs/debt/items/one.yml', 'docs/debt/two.md', 'docs/training/01-intro.md', 'docs/training/deep/02.mdx',
  'coverage/lcov-report/rules.yml', 'build/alerts.yml',
];

const NO_LINKS = { followSymbolicLinks: false };
const CASES: [string[], ListingGlobOptions][] = [
  [['**/adr/', '**/adrs/', '**/decisions/'], { ...NO_LINKS, onlyDirectories: true, caseSensitiveMatch: false, deep: 4, ignore: ['**/node_modules/**', '**/.*/**', '**/vendor/**'] }],
  [['**/adr/'], { ...NO_LINKS, onlyDirectories: true, caseSensitiveMatch: false, deep: 5 }],
  [['**/*.{md,mdx,markdown}'], { ...NO_LINKS, cwd: 'docs/adr/', caseSensitiveMatch: false, ignore: ['**/node_modules/**', '**/.*/**'] }],
  [['**/*.{md,mdx,markdown}'], { ...NO_LINKS, cwd: 'docs/adr', caseSensitiveMatch: false, ignore: ['**/node_modules/**'] }],
  [['*.{md,mdx,markdown}'], { ...NO_LINKS, caseSensitiveMatch: false, deep: 1 }],
  [['docs/runbooks/', 'runbooks/', 'source/**/runbooks/', '**/alerts/', 'docs/**/runbooks/'], { ...NO_LINKS, onlyDirectories: true, caseSensitiveMatch: false, deep: 5, ignore: ['**/node_modules/**', '**/vendor/**', '**/dist/**', '**/.*/**'] }],
  [['**/*.{md,mdx,markdown,md.erb}', '**/[!._]+([!.])'], { ...NO_LINKS, cwd: 'docs/runbooks', caseSensitiveMatch: false, ignore: ['**/.*/**'], extglob: true }],
  [['TECH_DEBT.md', 'docs/debt/**/*.{md,markdown,yml,yaml,json}'], { ...NO_LINKS, caseSensitiveMatch: false, ignore: ['**/node_modules/**'] }],
  [['**/*.{md,mdx,markdown}'], { ...NO_LINKS, cwd: 'docs/training', caseSensitiveMatch: false }],
  [['**/*.md'], { ...NO_LINKS, cwd: 'no/such/folder' }],
  // Following links: a walk, as before, which reads what a linked folder holds.
  [['**/*.{md,mdx,markdown}'], { cwd: 'docs/training', caseSensitiveMatch: false }],
];

describe('RepoListing.glob', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), 'handover-listing-'));
    for (const file of FILES) {
      await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
      await writeFile(path.join(repo, file), '# x\n');
    }
    // Links to a file and to a folder, one tracked (git lists it with its mode) and one not.
    await symlink('/etc/passwd', path.join(repo, 'docs/adr/0009-link.md'));
    await symlink('../../ops/alerts', path.join(repo, 'docs/runbooks/linked-folder'));
    await symlink('../../docs/adr', path.join(repo, 'docs/training/linked-adrs'));
    await symlink('0001-intro.md', path.join(repo, 'docs/training/untracked-link.md')).catch(() => undefined);
    await mkdir(path.join(repo, 'linked-only'));
    await symlink('../docs/adr', path.join(repo, 'linked-only/adrs'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    // Tracked, then deleted from the work tree without `git rm`: not there to read.
    await writeFile(path.join(repo, 'docs/adr/0002-deleted.md'), '# x\n');
    execFileSync('git', ['add', 'docs/adr', 'docs/runbooks'], { cwd: repo });
    await rm(path.join(repo, 'docs/adr/0002-deleted.md'));
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it.each(CASES.map(([patterns, options]) => [`${patterns.join(' ')} ${JSON.stringify(options)}`, patterns, options] as const))('finds what tinyglobby finds: %s', async (_name, patterns, options) => {
    const listing = new RepoListing(repo);
    const fromGit = (await listing.glob(patterns, options)).sort();
    const walked = (await glob(patterns, { ...options, cwd: path.join(repo, options.cwd ?? '') }).catch(() => [])).sort();
    expect(fromGit).toEqual(walked);
  });

  it('leaves links and files deleted from the work tree out of the files a scan gets, as its glob does', async () => {
    const listed = await new RepoListing(repo).files(['**/*.md']);
    expect(listed).not.toContain('docs/adr/0009-link.md');
    expect(listed).not.toContain('docs/training/untracked-link.md');
    expect(listed).toContain('docs/adr/0001-use-x.md');
    expect(listed).not.toContain('docs/adr/0002-deleted.md');
  });

  it('leaves dependencies, build output, coverage reports and dot-folders out of whole-repository scans, with git and without', async () => {
    const expected = ['docs/debt/items/one.yml', 'ops/alerts/rules.yml'];
    expect(await new RepoListing(repo).files(['**/*.{yml,yaml}'])).toEqual(expected);
    const plain = await mkdtemp(path.join(tmpdir(), 'handover-plain-listing-'));
    try {
      for (const file of FILES) {
        await mkdir(path.dirname(path.join(plain, file)), { recursive: true });
        await writeFile(path.join(plain, file), 'x');
      }
      expect(await new RepoListing(plain).files(['**/*.{yml,yaml}'])).toEqual(expected);
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('says whether a folder holds a match from the listing when it can, walking (and following links, if asked) when it cannot', async () => {
    const listing = new RepoListing(repo);
    expect(await listing.holdsAny(['**/*.md'], { cwd: 'docs/training' })).toBe(true);
    expect(await listing.holdsAny(['**/*.md'], { cwd: 'linked-only' })).toBe(true);
    expect(await listing.holdsAny(['**/*.md'], { cwd: 'linked-only', followSymbolicLinks: false })).toBe(false);
    expect(await listing.holdsAny(['**/*.md'], { cwd: 'no/such/folder' })).toBe(false);
  });

  it('leaves out what git ignores', async () => {
    await writeFile(path.join(repo, '.gitignore'), 'docs/training/deep/\n');
    try {
      expect((await new RepoListing(repo).glob(['**/*.{md,mdx}'], { cwd: 'docs/training', ...NO_LINKS })).sort()).toEqual(['01-intro.md']);
    } finally {
      await rm(path.join(repo, '.gitignore'));
    }
  });
});

describe('ownFolderTest (a work dir inside the repository)', () => {
  it('matches paths in the folders that lie inside the repository, and nothing for the others', () => {
    const isOwn = ownFolderTest('/srv/repo', ['/srv/repo/.handover/content', '/srv/repo/.handover/cache', '/srv/elsewhere/cache'])!;
    expect(['.handover/content', '.handover/content/docs/adr/1.md', '.handover/cache/x.json'].every(isOwn)).toBe(true);
    expect(['.handover', '.handover/contents/a.md', 'docs/adr/1.md', 'cache/x.json'].some(isOwn)).toBe(false);
    // Outside the repository, the repository itself, or a sibling whose name starts with two dots: none.
    expect(ownFolderTest('/srv/repo', ['/srv/elsewhere', '/srv/repo', '/srv'])).toBeNull();
    expect(ownFolderTest('/srv/repo', ['/srv/repo/..work'])!('..work/a.md')).toBe(true);
  });
});
