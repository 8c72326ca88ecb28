import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-releases-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Builds a repo into a fresh folder of the scratch space; returns the CLI result and a page reader. */
async function build(name: string, repo: string) {
  const out = path.join(scratch, name, 'dist');
  const result = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, name, 'work')]);
  return { ...result, html: (page: string) => readFile(path.join(out, page, 'index.html'), 'utf8') };
}

/** A small service repo: a README and package.json, no changelog. */
async function serviceRepo(name: string): Promise<string> {
  const repo = path.join(scratch, name);
  await mkdir(repo, { recursive: true });
  await writeFile(path.join(repo, 'README.md'), '# Parking permits\n\nIssues parking permits.\n');
  await writeFile(path.join(repo, 'package.json'), JSON.stringify({ name: 'parking-permits', version: '0.0.0-dev', repository: 'https://github.com/example/parking-permits' }));
  return repo;
}

describe('the releases page of a repo with git tags and no changelog', () => {
  it('lists each tag with its commit subjects, and stamps pages with the tag, commit and commit date', async () => {
    const repo = await serviceRepo('tagged');
    let day = 0;
    const git = (...args: string[]) => {
      // One day per commit, so the stamped date is visibly the commit's, not the clock's.
      if (args[0] === 'commit') day++;
      const date = `2025-04-${String(day).padStart(2, '0')}T09:00:00Z`;
      return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });
    };
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'Start the permits service');
    git('tag', 'v1.0.0');
    git('commit', '-q', '--allow-empty', '-m', 'Render <PermitCard> with {holder} names');
    git('commit', '-q', '--allow-empty', '-m', 'Fix renewal reminders');
    git('tag', 'v1.1.0');
    const head = git('rev-parse', 'HEAD').trim();

    const { code, stderr, html } = await build('tagged', repo);
    expect(code, stderr).toBe(0);
    const releases = await html('releases');
    expect([...releases.matchAll(/<h2 id="(?!starlight__)[^"]+">([^<]+)<\/h2>/g)].map((match) => match[1])).toEqual(['1.1.0', '1.0.0']);
    expect(releases).toMatch(/Released 2025-04-03 as the tag <code[^>]*>v1\.1\.0<\/code>/);
    // Commit subjects are text, never markup.
    expect(releases).toContain('<li>Render &lt;PermitCard&gt; with {holder} names</li>');
    expect(releases).toContain('<li>Fix renewal reminders</li>');
    expect(releases).toContain('<li>Start the permits service</li>');
    const stamp = /<p class="handover-release-stamp[^"]*">([\s\S]*?)<\/p>/.exec(await html(''))?.[1] ?? '';
    expect(stamp).toMatch(/>Release 1\.1\.0<\/a>/);
    expect(stamp).toContain(`<a href="https://github.com/example/parking-permits/commit/${head}"`);
    expect(stamp).toContain(`>${head.slice(0, 7)}</code>`);
    expect(stamp).toContain('<time datetime="2025-04-03"');
  });

  it('says how to get a release history when there is neither a changelog nor a tag', async () => {
    const { code, html } = await build('untagged', await serviceRepo('untagged'));
    expect(code).toBe(0);
    const releases = await html('releases');
    expect(releases).toContain('No release history was found.');
    expect(releases).toMatch(/add a <code[^>]*>CHANGELOG\.md<\/code>/);
    expect(await html('')).toMatch(/>Release 0\.0\.0-dev<\/a> · <time datetime="2026-11-27"/);
  });
});
