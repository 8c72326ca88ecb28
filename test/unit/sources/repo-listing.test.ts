import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RepoListing, type ListingGlobOptions } from '../../../scripts/sources/shared/repo-files.ts';

// The document folders' searches (ADRs, runbooks, debt, training) filter git's listing instead of
// walking the repository: for every file git sees, they must find what tinyglobby finds.
const FILES = [
  'README.md', 'adr-001-root.md', 'TECH_DEBT.md', 'notes.txt',
  'docs/adr/0001-use-x.md', 'docs/adr/superseded/0000-old.md', 'docs/adr/diagram.png', 'docs/adr/.template.md',
  'docs/ADRs/0001-x.md', 'Docs/Decisions/README.md',
  'a/b/c/adr/1.md', 'a/b/c/d/adr/1.md', 'a/b/c/d/e/adr/1.md',
  'services/pay/docs/decisions/0001.md', 'node_modules/pkg/adr/1.md', '.github/adr/1.md', 'vendor/x/runbooks/r.md',
  'docs/runbooks/HighLatency.md', 'docs/runbooks/Makefile', 'docs/runbooks/_draft', 'docs/runbooks/NoExtension', 'docs/runbooks/page.md.erb',
  'ops/alerts/cpu.md', 'ops/alerts/rules.yml', 'docs/team/runbooks/x.md', 'dist/runbooks/y.md',
  'docs/debt/items/one.yml', 'docs/debt/two.md', 'docs/training/01-intro.md', 'docs/training/deep/02.mdx',
];

const CASES: [string[], ListingGlobOptions][] = [
  [['**/adr/', '**/adrs/', '**/decisions/'], { onlyDirectories: true, caseSensitiveMatch: false, deep: 4, ignore: ['**/node_modules/**', '**/.*/**', '**/vendor/**'] }],
  [['**/adr/'], { onlyDirectories: true, caseSensitiveMatch: false, deep: 5 }],
  [['**/*.{md,mdx,markdown}'], { cwd: 'docs/adr/', caseSensitiveMatch: false, ignore: ['**/node_modules/**', '**/.*/**'] }],
  [['**/*.{md,mdx,markdown}'], { cwd: 'docs/adr', caseSensitiveMatch: false, ignore: ['**/node_modules/**'] }],
  [['*.{md,mdx,markdown}'], { caseSensitiveMatch: false, deep: 1 }],
  [['docs/runbooks/', 'runbooks/', 'source/**/runbooks/', '**/alerts/', 'docs/**/runbooks/'], { onlyDirectories: true, caseSensitiveMatch: false, deep: 5, ignore: ['**/node_modules/**', '**/vendor/**', '**/dist/**', '**/.*/**'] }],
  [['**/*.{md,mdx,markdown,md.erb}', '**/[!._]+([!.])'], { cwd: 'docs/runbooks', caseSensitiveMatch: false, ignore: ['**/.*/**'], extglob: true }],
  [['TECH_DEBT.md', 'docs/debt/**/*.{md,markdown,yml,yaml,json}'], { caseSensitiveMatch: false, ignore: ['**/node_modules/**'] }],
  [['**/*.{md,mdx,markdown}'], { cwd: 'docs/training', caseSensitiveMatch: false }],
  [['**/*.md'], { cwd: 'no/such/folder' }],
];

describe('RepoListing.glob', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), 'handover-listing-'));
    for (const file of FILES) {
      await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
      await writeFile(path.join(repo, file), '# x\n');
    }
    execFileSync('git', ['init', '-q'], { cwd: repo });
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it.each(CASES.map(([patterns, options]) => [`${patterns.join(' ')} ${JSON.stringify(options)}`, patterns, options] as const))('finds what tinyglobby finds: %s', async (_name, patterns, options) => {
    const listing = new RepoListing(repo);
    const fromGit = (await listing.glob(patterns, options)).sort();
    const walked = (await glob(patterns, { ...options, cwd: path.join(repo, options.cwd ?? ''), followSymbolicLinks: false }).catch(() => [])).sort();
    expect(fromGit).toEqual(walked);
  });

  it('leaves out what git ignores', async () => {
    await writeFile(path.join(repo, '.gitignore'), 'docs/adr/superseded/\n');
    try {
      expect((await new RepoListing(repo).glob(['**/*.md'], { cwd: 'docs/adr' })).sort()).toEqual(['0001-use-x.md']);
    } finally {
      await rm(path.join(repo, '.gitignore'));
    }
  });
});
