import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReadinessReportSchema } from '../../scripts/model/schemas/readiness.ts';
import { runCli } from '../helpers/run-cli.ts';

const site = inject('demoSite');
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-check-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('handover check', () => {
  it('--json reports the findings seeded in the demo service, in the documented shape', async () => {
    const result = await runCli(['check', '--json']);
    expect(result.code).toBe(0);
    const report = ReadinessReportSchema.parse(JSON.parse(result.stdout));
    expect(report.score).toBeGreaterThan(50);
    expect(report.findings.map((finding) => [finding.rule, `${finding.file}:${finding.line}`])).toEqual([
      ['alert-has-runbook', 'alerts/prometheus-rules.yml:95'],
      ['runbook-reviewed', 'docs/runbooks/expiry-reminder-job.md:1'],
      ['outcome-is-measured', 'handover.config.yaml:13'],
    ]);
  });

  it('prints scores and findings with file:line, and exits 1 under --min-score or with --strict and an error', async () => {
    const plain = await runCli(['check']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/handover: Readiness of Blue Badge applications: \d+\/100/);
    expect(plain.stdout).toContain('alerts/prometheus-rules.yml:95 error alert-has-runbook: Alert BadgePrintFileRejected has no runbook.');
    const low = await runCli(['check', '--min-score', '100']);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/Readiness score \d+ is below the minimum of 100\./);
    expect((await runCli(['check', '--min-score', '10'])).code).toBe(0);
    const strict = await runCli(['check', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: failing because of 1 error.');
    expect((await runCli(['check', '--min-score', '101'])).code).toBe(2);
  });

  it('--markdown writes a report for a CI job summary', async () => {
    const file = path.join(scratch, 'summary', 'step-summary.md');
    const result = await runCli(['check', '--markdown', file]);
    expect(result.code).toBe(0);
    const markdown = await readFile(file, 'utf8');
    expect(markdown).toMatch(/^## Handover readiness of Blue Badge applications: \d+\/100/);
    expect(markdown).toContain('- `alerts/prometheus-rules.yml:95` **alert-has-runbook**');
  });

  it('--work-dir keeps its caches where handover build --work-dir finds them (one TypeDoc run per CI job)', async () => {
    const workDir = path.join(scratch, 'work');
    const result = await runCli(['check', '--json', '--work-dir', workDir]);
    expect(result.code).toBe(0);
    expect((await readdir(path.join(workDir, 'cache', 'handover-api'))).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  it('scores a bare repository low and says what to add, without failing', async () => {
    const repo = path.join(scratch, 'bare');
    await mkdir(repo, { recursive: true });
    await writeFile(path.join(repo, 'README.md'), '# Bare service\n');
    const result = await runCli(['check', '--json', '--repo', repo]);
    expect(result.code).toBe(0);
    const report = ReadinessReportSchema.parse(JSON.parse(result.stdout));
    expect(report.findings.map((finding) => finding.rule)).toEqual(['owner-contact', 'adrs-exist', 'escalation-contact', 'outcomes-defined', 'threat-model', 'dependency-updates', 'training-path']);
    expect(report.score).toBeLessThan(20);
  });
});

describe('the Readiness page', () => {
  it('shows the scores and the findings with their fix and location, linked from the home and sign-off pages', async () => {
    const page = await readFile(path.join(site, 'readiness', 'index.html'), 'utf8');
    expect(page).toContain('Alert BadgePrintFileRejected has no runbook.');
    expect(page).toContain('href="https://github.com/example-council/blue-badge-applications/blob/main/alerts/prometheus-rules.yml#L95"');
    expect(page).toContain('href="/alerts/#badgeprintfilerejected"');
    expect(page).toMatch(/Readiness score <strong>\d+\/100<\/strong>/);
    expect(page).toContain('Applications decided within 10 working days');
    expect(page).toContain('docs/security/threat-model.md');
    for (const linking of ['index.html', path.join('sign-off', 'index.html')]) {
      expect(await readFile(path.join(site, linking), 'utf8'), linking).toContain('href="/readiness/"');
    }
  });
});
