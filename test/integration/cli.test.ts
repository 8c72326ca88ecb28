import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../helpers/run-cli.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Builds a repo into a fresh folder of the scratch space; returns the CLI result and the site folder. */
async function build(name: string, repo: string, ...flags: string[]) {
  const out = path.join(scratch, name, 'dist');
  const result = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, name, 'work'), ...flags]);
  return { ...result, out };
}

describe('the handover command', () => {
  it('runs with Node erasing its types, and through tsx where Node does not (older Node, installed copies)', async () => {
    const run = (nodeFlags: string[], args: string[]) => promisify(execFile)(process.execPath, [...nodeFlags, path.join(PROJECT_ROOT, 'bin', 'handover.js'), ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 });
    const bothWays = (args: string[]) => Promise.all([run([], args), run(['--no-experimental-strip-types'], args)]);
    const version = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version as string;
    for (const result of await bothWays(['--version'])) {
      expect(result.stdout.trim()).toBe(version);
      expect(result.stderr).toBe('');
    }
    // TypeDoc runs in a worker thread, which loads TypeScript the same way.
    for (const result of await bothWays(['ingest', '--json'])) {
      const records = (JSON.parse(result.stdout) as { records: { kind: string }[] }).records;
      expect(records.filter((record) => record.kind === 'api-module').length).toBeGreaterThan(0);
    }
  });
});

describe('handover ingest', () => {
  it('prints the versioned JSON export of the model', async () => {
    const result = await runCli(['ingest', '--json']);
    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout);
    expect(exported.version).toBe(1);
    expect(exported.records.filter((record: { kind: string }) => record.kind === 'adr')).toHaveLength(7);
  });
});

describe('handover build, twice', () => {
  it('reuses TypeDoc output when the sources are unchanged (the report says cache hit)', async () => {
    const repo = path.join(scratch, 'ts-repo');
    await mkdir(path.join(repo, 'src'), { recursive: true });
    await writeFile(path.join(repo, 'src/index.ts'), '/** Greets. */\nexport function greet(name: string): string {\n  return `Hello ${name}`;\n}\n');
    const first = await build('twice', repo);
    const second = await build('twice', repo);
    expect([first.code, second.code]).toEqual([0, 0]);
    // The cache status is a fact about the run, kept in the work dir: the published report is the same either way.
    const runReport = JSON.parse(await readFile(path.join(scratch, 'twice', 'work', 'cache', 'handover-run.json'), 'utf8'));
    expect(runReport.api.cache).toBe('hit');
    expect(second.stdout).toMatch(/TypeDoc output reused/);
  });
});

describe('handover build on bad input', () => {
  it('explains a missing --repo in one sentence with exit code 2', async () => {
    const result = await runCli(['build', '--repo', path.join(scratch, 'nowhere')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^handover: The repository folder .*nowhere does not exist; pass an existing folder with --repo\.$/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a --repo that is a file, with exit code 2', async () => {
    const file = path.join(scratch, 'a-file.txt');
    await writeFile(file, 'x');
    const result = await runCli(['build', '--repo', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--repo must be a folder/);
  });

  it('builds a repo with no ADRs, and its ADR page says where ADRs are looked for', async () => {
    const repo = path.join(scratch, 'empty-repo');
    await mkdir(repo, { recursive: true });
    await writeFile(path.join(repo, 'README.md'), '# Empty service\n\nNothing here yet.\n');
    const result = await build('empty', repo);
    expect(result.code).toBe(0);
    const adrIndex = await readFile(path.join(result.out, 'adr', 'index.html'), 'utf8');
    expect(adrIndex).toContain('No architecture decision records were found');
    expect(adrIndex).toContain('<code>docs/adr</code>');
    expect(adrIndex).toContain('adr.paths');
  });

  it('reports a malformed ADR with file and line, builds the others, and fails only under --strict', async () => {
    const repo = path.join(scratch, 'broken-repo');
    await mkdir(path.join(repo, 'docs', 'adr'), { recursive: true });
    await writeFile(path.join(repo, 'docs/adr/0001-good.md'), '# 1. A good decision\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nFine.\n');
    await writeFile(path.join(repo, 'docs/adr/0002-broken.md'), '---\nstatus: accepted\ndate: [2024\n---\n# A broken decision\n\nText with <html> and {braces}.\n');
    await writeFile(path.join(repo, 'docs/adr/0003-raw-html.md'), await readFile(path.join(PROJECT_ROOT, 'test/unit/emit/fixtures/raw-html/input.md'), 'utf8'));
    const result = await build('broken', repo, '--strict');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/docs\/adr\/0002-broken\.md:\d+ error markdown\/invalid-front-matter: The front matter is not valid YAML/);
    expect(result.stderr).toMatch(/--strict/);
    const good = await readFile(path.join(result.out, 'adr', '0001-good', 'index.html'), 'utf8');
    expect(good).toContain('A good decision');
    const broken = await readFile(path.join(result.out, 'adr', '0002-broken', 'index.html'), 'utf8');
    expect(broken).toContain('Text with &lt;html&gt; and {braces}.');
    const rawHtml = await readFile(path.join(result.out, 'adr', '0003-raw-html', 'index.html'), 'utf8');
    expect(rawHtml).toMatch(/<details><summary>Show the <b>answer<\/b><\/summary>/);
    expect(rawHtml).toContain('<kbd>Ctrl</kbd>');
    expect(rawHtml).not.toMatch(/<script>alert|onerror=|onmouseover=|<iframe/);
    const report = JSON.parse(await readFile(path.join(result.out, 'handover-report.json'), 'utf8'));
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: 'docs/adr/0002-broken.md', code: 'markdown/invalid-front-matter', severity: 'error' }));
  });
});
