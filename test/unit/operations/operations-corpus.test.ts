import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../../../scripts/ingest.ts';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES } from '../../helpers/fixtures.ts';

// Expectations written by reading the fixture files, not by running the parser.
const EXPECTATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'expectations');
const expected = (name: string) => JSON.parse(readFileSync(path.join(EXPECTATIONS, name), 'utf8'));
const skipped = HAVE_FIXTURES ? '' : ` (skipped: ${FIXTURES_SKIP_REASON})`;
const RESOLUTION: Record<string, string[]> = { resolved: ['url'], 'by-name': ['name', 'front-matter'], external: ['external'], none: ['none'], 'not-found': ['not-found'] };

describe.skipIf(!HAVE_FIXTURES)(`GOV.UK alert rules with the GOV.UK alert runbooks${skipped}`, () => {
  const govuk = HAVE_FIXTURES ? expected('govuk-alerts.json') : null;
  let scratch: string;
  let result: IngestResult;
  beforeAll(async () => {
    // The rules and the runbooks live in two repositories: put them side by side in one.
    scratch = await mkdtemp(path.join(tmpdir(), 'handover-govuk-'));
    await cp(path.join(FIXTURES, 'alphagov__govuk-helm-charts', 'charts'), path.join(scratch, 'charts'), { recursive: true });
    await cp(path.join(FIXTURES, 'alphagov__govuk-developer-docs', 'source'), path.join(scratch, 'source'), { recursive: true });
    await writeFile(path.join(scratch, 'handover.config.yaml'), `runbooks:\n  urlPattern: "${govuk.urlPattern}"\n`);
    result = await ingest(scratch, { today: '2026-11-27' });
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('lists every alert, in every rule file, and skips the promtool test files', () => {
    const alerts = result.model.alerts.map((alert) => [alert.source.path, alert.name]).sort();
    expect(alerts).toEqual(govuk.alerts.map((alert: { file: string; name: string }) => [alert.file, alert.name]).sort());
    const skippedFiles = result.report.files.filter((file) => file.source === 'alert' && file.outcome === 'skipped').map((file) => file.path).sort();
    expect(skippedFiles).toEqual([...govuk.testFiles].sort());
  });

  it('links every runbook_url that points at one of the runbooks to its page, and only those', () => {
    const actual = new Map<string, { runbook: string | null; runbookResolution: string; severity: string | null; runbookUrl: string | null }[]>();
    for (const alert of result.model.alerts) actual.set(`${alert.source.path} ${alert.name}`, [...(actual.get(`${alert.source.path} ${alert.name}`) ?? []), alert]);
    for (const alert of govuk.alerts) {
      const candidates = actual.get(`${alert.file} ${alert.name}`) ?? [];
      const match = candidates.find((candidate) => candidate.runbookUrl === alert.runbookUrl && candidate.runbook === alert.runbook && candidate.severity === alert.severity);
      expect(match, `${alert.file} ${alert.name}`).toBeDefined();
      expect(RESOLUTION[alert.resolution]).toContain(match!.runbookResolution);
      expect(match!.severity).toBe(alert.severity);
    }
  });

  it('reports the alerts that have no runbook, with file and line', () => {
    const reported = result.report.diagnostics.filter((diagnostic) => diagnostic.code === 'alert/no-runbook');
    expect(reported).toHaveLength(govuk.alerts.filter((alert: { resolution: string }) => alert.resolution === 'none').length);
    expect(reported.every((diagnostic) => diagnostic.file?.startsWith('charts/') && diagnostic.line! > 0)).toBe(true);
  });

  it('reads every runbook and gives each the alerts that reach it', () => {
    expect(result.model.runbooks.map((runbook) => runbook.id).sort()).toEqual([...govuk.runbooks].sort());
    const chat = result.model.runbooks.find((runbook) => runbook.id === 'chat-ai-alerts')!;
    const chatAlerts = govuk.alerts.filter((alert: { runbook: string | null }) => alert.runbook === 'chat-ai-alerts').map((alert: { name: string }) => alert.name);
    expect(chat.alerts).toEqual([...new Set(chatAlerts)].sort());
  });
});

describe.skipIf(!HAVE_FIXTURES)(`prometheus-operator runbooks${skipped}`, () => {
  const operator = HAVE_FIXTURES ? expected('prometheus-operator-runbooks.json') : null;
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingest(path.join(FIXTURES, 'prometheus-operator__runbooks'), { today: '2026-11-27' });
  });

  it('reads each runbook with its title, alert name and sections', () => {
    const actual = new Map(result.model.runbooks.map((runbook) => [runbook.source.path, runbook]));
    for (const runbook of operator.runbooks) {
      const found = actual.get(runbook.file);
      expect(found, runbook.file).toBeDefined();
      expect({ id: found!.id, title: found!.title, alerts: found!.alerts, sections: found!.sections }, runbook.file).toEqual({ id: runbook.id, title: runbook.title, alerts: runbook.alerts, sections: runbook.sections });
    }
    expect(result.model.runbooks).toHaveLength(operator.runbooks.length);
  });

  it('accounts for the section indexes and the copy without an extension as not runbooks', () => {
    const skippedFiles = result.report.files.filter((file) => file.source === 'runbook' && file.outcome === 'skipped').map((file) => file.path).sort();
    expect(skippedFiles).toEqual([...operator.notRunbooks].sort());
  });
});

describe.skipIf(!HAVE_FIXTURES)(`modernisation-platform .html.md.erb runbooks${skipped}`, () => {
  const moj = HAVE_FIXTURES ? expected('modernisation-platform-runbooks.json') : null;
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingest(path.join(FIXTURES, 'ministryofjustice__modernisation-platform'), { today: moj.today });
  });

  it('reads title, owner and review dates, and marks overdue reviews for a fixed today', () => {
    const actual = new Map(result.model.runbooks.map((runbook) => [runbook.source.path, runbook]));
    for (const runbook of moj.runbooks) {
      const found = actual.get(runbook.file);
      expect(found, runbook.file).toBeDefined();
      const overdue = found!.reviewState === 'overdue' ? true : found!.reviewState === 'unknown' ? null : false;
      expect({ id: found!.id, title: found!.title, owner: found!.owner, lastReviewed: found!.lastReviewed, reviewDue: found!.reviewDue, overdue }, runbook.file)
        .toEqual({ id: runbook.id, title: runbook.title, owner: runbook.owner, lastReviewed: runbook.lastReviewed, reviewDue: runbook.reviewDue, overdue: runbook.overdue });
    }
    expect(result.model.runbooks).toHaveLength(moj.runbooks.length);
  });
});
