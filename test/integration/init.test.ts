import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBranch } from '../../scripts/cli/init-command.ts';
import { runCli } from '../helpers/run-cli.ts';

const git = (repo: string, ...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo });
const exists = (file: string) => access(file).then(() => true, () => false);

/** What `handover init` writes into an empty repository (Nygard ADRs, GitHub workflow). */
const SCAFFOLD = [
  '.adr-dir',
  'docs/adr/0001-record-architecture-decisions.md',
  'docs/adr/templates/template.md',
  'docs/runbooks/TEMPLATE.md',
  'docs/debt/README.md',
  'docs/training/01-getting-started.md',
  'handover.config.yaml',
  '.github/workflows/handover.yml',
];

let scratch: string;
let repo: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-init-'));
  repo = path.join(scratch, 'blue-widgets');
  await git(scratch, 'init', '--quiet', '--initial-branch=trunk', repo);
  await writeFile(path.join(repo, 'package.json'), `${JSON.stringify({ name: 'blue-widgets', version: '1.0.0' }, null, 2)}\n`);
  await git(repo, 'add', 'package.json');
  await git(repo, 'commit', '--quiet', '-m', 'Start');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('handover init on a fresh repository', () => {
  it('creates every starting file, without asking (CI)', async () => {
    const result = await runCli(['init', '--yes', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    for (const file of SCAFFOLD) {
      expect(await exists(path.join(repo, file)), file).toBe(true);
      expect(result.stdout).toContain(`created ${file}`);
    }
    expect(await readFile(path.join(repo, 'docs/training/01-getting-started.md'), 'utf8')).toContain('title: Getting started with blue-widgets');
    const workflow = await readFile(path.join(repo, '.github/workflows/handover.yml'), 'utf8');
    expect(workflow).toContain('npx --yes handover@0.1.0');
    // The branch pushes to which keep the build caches warm: the only one the repository has.
    expect(workflow).toContain('    branches: [trunk]\n');
  });

  it('takes the default branch from origin/HEAD in a clone, whichever branch is checked out', async () => {
    const clone = path.join(scratch, 'clone');
    await git(scratch, 'clone', '--quiet', repo, clone);
    await git(clone, 'checkout', '--quiet', '-b', 'feature');
    expect(await defaultBranch(clone)).toBe('trunk');
    await git(repo, 'branch', 'main');
    expect(await defaultBranch(repo)).toBe('main');
    await git(repo, 'branch', '-D', 'main');
  });

  it('keeps everything on a second run and overwrites nothing', async () => {
    const marker = path.join(repo, 'docs/adr/0001-record-architecture-decisions.md');
    const edited = `${await readFile(marker, 'utf8')}\nEdited by the team.\n`;
    await writeFile(marker, edited);
    const before = await Promise.all(SCAFFOLD.map((file) => readFile(path.join(repo, file), 'utf8')));
    const result = await runCli(['init', '--yes', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('created');
    expect(result.stdout.split('\n').filter((line) => /^handover: (created|kept)/.test(line)).every((line) => line.startsWith('handover: kept'))).toBe(true);
    expect(await Promise.all(SCAFFOLD.map((file) => readFile(path.join(repo, file), 'utf8')))).toEqual(before);
  });

  it('prints the plan with --dry-run and writes nothing', async () => {
    const empty = path.join(scratch, 'empty');
    await git(scratch, 'init', '--quiet', empty);
    const result = await runCli(['init', '--dry-run', '--ci', 'gitlab', '--format', 'madr', '--repo', empty]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('create  docs/adr/adr-template.md');
    expect(result.stdout).toContain('create  .gitlab-ci.yml');
    expect(await exists(path.join(empty, 'docs'))).toBe(false);
  });
});

describe('handover adr new in the scaffolded repository', () => {
  it('writes ADR 2 and marks ADR 1 superseded, as adr-tools would', async () => {
    const result = await runCli(['adr', 'new', 'Record decisions in MADR', '--supersedes', '1', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(repo, 'docs/adr/0002-record-decisions-in-madr.md'), 'utf8')).toMatch(/^# 2\. Record decisions in MADR\n\nDate: 2026-11-27\n\n## Status\n\nAccepted\n\nSupersedes \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)\n/);
    expect(await readFile(path.join(repo, 'docs/adr/0001-record-architecture-decisions.md'), 'utf8')).toContain('## Status\n\nSuperseded by [2. Record decisions in MADR](0002-record-decisions-in-madr.md)\n');
  });

  it('explains an ADR number that does not exist in one line, with exit code 2', async () => {
    const result = await runCli(['adr', 'new', 'Anything', '--supersedes', '9', '--repo', repo]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('handover: There is no ADR 9 in docs/adr (its ADRs are numbered 1 to 2); give --supersedes the number of an existing ADR.');
  });
});

describe('handover build of the scaffolded repository', () => {
  it('builds, with the first ADR and the training module as pages', async () => {
    const out = path.join(scratch, 'site');
    const result = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, 'work')]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const adrPage = await readFile(path.join(out, 'adr/0001-record-architecture-decisions/index.html'), 'utf8');
    expect(adrPage).toContain('Record architecture decisions');
    expect(adrPage).toContain('Record decisions in MADR');
    expect(await readFile(path.join(out, 'training/01-getting-started/index.html'), 'utf8')).toContain('Getting started with blue-widgets');
    const report = JSON.parse(await readFile(path.join(out, 'handover-report.json'), 'utf8'));
    expect(report.files.filter((file: { path: string }) => /template/i.test(file.path)).map((file: { path: string; reason: string }) => [file.path, file.reason])).toEqual([
      ['docs/adr/templates/template.md', 'ADR template'],
      ['docs/runbooks/TEMPLATE.md', 'runbook template'],
    ]);
  });
});

describe('handover check of the scaffolded repository', () => {
  it('runs and exits 0 (no --min-score, no --strict)', async () => {
    const result = await runCli(['check', '--repo', repo]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});
