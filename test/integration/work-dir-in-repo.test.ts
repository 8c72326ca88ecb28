// The GitLab template keeps Handover's work dir in the project folder (`.handover-work/`, the only
// place GitLab caches), so the generated pages and caches of the last build sit inside the
// repository being read. They must not be read back as documents, code or API sources, whatever
// the folder is called.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../scripts/generate-content.ts';
import { ingest } from '../../scripts/ingest.ts';

const DEMO = path.resolve(import.meta.dirname, '..', '..', 'examples', 'demo-service');
const git = (repo: string, ...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo });

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-work-dir-in-repo-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('a work dir inside the repository', () => {
  for (const [withGit, name] of [[true, '.handover-work'], [false, '.handover-work'], [true, 'handover-work'], [false, 'handover-work']] as const) {
    it(`is not read as part of it (${name}, ${withGit ? "git's listing" : 'a folder without git'})`, async () => {
      const repoRoot = path.join(scratch, `${withGit ? 'git' : 'plain'}${name}`);
      await cp(DEMO, repoRoot, { recursive: true });
      // ADRs in a folder no convention names, which Handover finds by searching the repository for
      // folders called `adr`: the generated pages' `docs/adr/` is one.
      await mkdir(path.join(repoRoot, 'services', 'badges'), { recursive: true });
      await rename(path.join(repoRoot, 'docs', 'adr'), path.join(repoRoot, 'services', 'badges', 'adr'));
      if (withGit) {
        await git(scratch, 'init', '--quiet', repoRoot);
        await git(repoRoot, 'add', '-A');
        await git(repoRoot, 'commit', '--quiet', '-m', 'Demo');
      }
      // TypeDoc's output is cached here, outside the repository, so that only the first read runs it.
      const workDir = path.join(repoRoot, name);
      const ownFolders = [path.join(workDir, 'content'), path.join(workDir, 'cache')];
      const options = { cacheDir: path.join(scratch, `ingest-cache-${withGit}${name}`), today: '2026-11-27', ownFolders };
      const before = await ingest(repoRoot, options);
      await generateContent({ repoRoot, contentDir: ownFolders[0]!, cacheDir: ownFolders[1]!, base: '/' });
      const after = await ingest(repoRoot, options);
      expect(after.report.files.filter((file) => file.path.startsWith(`${name}/`))).toEqual([]);
      expect(after.report.files).toEqual(before.report.files);
      expect(after.report.counts).toEqual(before.report.counts);
      expect(before.report.counts.adr).toBeGreaterThan(0);
    }, 120_000);
  }
});
