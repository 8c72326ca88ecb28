import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReadinessMarkdown } from '../../../scripts/check/format-markdown.ts';
import { runChecks } from '../../../scripts/check/run-checks.ts';
import type { CheckContext } from '../../../scripts/check/rule.ts';
import { RULES } from '../../../scripts/check/rules/index.ts';
import { ingest, type IngestResult } from '../../../scripts/ingest.ts';
import { ReadinessReportSchema } from '../../../scripts/model/schemas/readiness.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

let demo: IngestResult;
beforeAll(async () => {
  demo = await ingest(path.join(PROJECT_ROOT, 'examples', 'demo-service'), { today: '2026-11-27' });
}, 60_000);

/** The demo's check context, with parts of the model or config replaced. */
function context(change: (context: CheckContext) => void = () => {}): CheckContext {
  const copy: CheckContext = structuredClone({ model: demo.model, config: demo.config, configFile: demo.report.config, today: demo.today });
  change(copy);
  return copy;
}

const findingsOf = (checked: CheckContext, rule: string) => runChecks(checked).report.findings.filter((finding) => finding.rule === rule);

describe('the readiness check on the demo service', () => {
  it('reports exactly the gaps seeded in it, with file and line', () => {
    const { report } = runChecks(context());
    expect(ReadinessReportSchema.parse(report)).toEqual(report);
    expect(report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.file}:${finding.line}`)).toEqual([
      'error alert-has-runbook alerts/prometheus-rules.yml:95',
      'warning runbook-reviewed docs/runbooks/expiry-reminder-job.md:1',
      'warning outcome-is-measured handover.config.yaml:13',
    ]);
    expect(report.findings[0]).toMatchObject({ area: 'operations', message: 'Alert BadgePrintFileRejected has no runbook.', page: 'alerts/#badgeprintfilerejected' });
    expect(report.findings[1]!.message).toBe('Runbook "Expiry reminder job has not run" was due for review on 2026-09-02 (last reviewed 2026-03-02).');
  });

  it('scores each rule by what passed, each area by its rules, and the service by its areas', () => {
    const { report } = runChecks(context());
    const operations = report.areas.find((area) => area.id === 'operations')!;
    expect(operations.rules.map((rule) => [rule.id, rule.passed, rule.checked, rule.score])).toEqual([
      ['alert-has-runbook', 6, 7, 85],
      ['runbook-reviewed', 5, 6, 83],
    ]);
    expect(operations.score).toBe(84);
    const applicable = report.areas.map((area) => area.score).filter((score): score is number => score !== null);
    expect(report.score).toBe(Math.floor(applicable.reduce((sum, score) => sum + score, 0) / applicable.length));
    expect(report.areas.map((area) => area.id)).toEqual(['operations', 'decisions', 'debt', 'api', 'ownership', 'outcomes', 'security', 'training']);
  });

  it('gives every rule a unique id, and every finding a fix', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) expect(rule.hint.length, rule.id).toBeGreaterThan(20);
  });

  it('is the same report from run to run', () => {
    expect(JSON.stringify(runChecks(context()).report)).toBe(JSON.stringify(runChecks(context()).report));
  });
});

describe('each readiness rule', () => {
  it('flags an ADR without a status or date, and a superseded ADR that names no successor', () => {
    const checked = context(({ model }) => {
      model.adrs[0]!.status = null;
      model.adrs[1]!.date = null;
      model.adrs[2]!.status = 'superseded';
      model.adrs[2]!.supersededBy = [];
    });
    expect(findingsOf(checked, 'adr-has-status').map((finding) => finding.file)).toEqual([demo.model.adrs[0]!.source.path]);
    expect(findingsOf(checked, 'adr-has-date').map((finding) => finding.file)).toEqual([demo.model.adrs[1]!.source.path]);
    expect(findingsOf(checked, 'superseded-names-successor')).toMatchObject([{ severity: 'error', file: demo.model.adrs[2]!.source.path, page: `adr/${demo.model.adrs[2]!.id}/` }]);
  });

  it('asks for ADRs when there are none, and does not score rules with nothing to check', () => {
    const { report } = runChecks(context(({ model }) => void (model.adrs = [])));
    expect(report.findings.filter((finding) => finding.area === 'decisions').map((finding) => finding.rule)).toEqual(['adrs-exist']);
    const decisions = report.areas.find((area) => area.id === 'decisions')!;
    expect(decisions.rules.map((rule) => rule.score)).toEqual([0, null, null, null]);
    expect(decisions.score).toBe(0);
  });

  it('asks unpaid debt items for an owner and an impact, and leaves paid ones alone', () => {
    const checked = context(({ model }) => {
      model.debt[0]!.owner = null;
      model.debt[1]!.impact = null;
      model.debt[2]!.owner = null;
      model.debt[2]!.status = 'paid';
    });
    expect(findingsOf(checked, 'debt-has-owner').map((finding) => finding.message)).toEqual(['Debt item TD-001 has no owner.']);
    expect(findingsOf(checked, 'debt-has-impact').map((finding) => finding.message)).toEqual(['Debt item TD-002 does not say what it costs.']);
  });

  it('reports modules whose documented share is below check.apiCoverage, naming the undocumented symbols', () => {
    expect(findingsOf(context(), 'api-documented')).toEqual([]);
    const strict = findingsOf(context(({ config }) => void (config.check.apiCoverage = 100)), 'api-documented');
    expect(strict.length).toBeGreaterThan(0);
    expect(strict[0]!.message).toMatch(/^Module .+ documents \d+ of \d+ exported symbols \(\d+%, below 100%\); undocumented: .+\.$/);
    expect(strict[0]!.page).toMatch(/^api\/.+\/$/);
  });

  it('asks for an owner and an escalation contact, pointing at the config file', () => {
    const checked = context(({ model }) => {
      model.service.contacts = [];
      model.service.codeowners = null;
    });
    expect(findingsOf(checked, 'owner-contact')).toMatchObject([{ severity: 'error', file: 'handover.config.yaml' }]);
    expect(findingsOf(checked, 'escalation-contact')).toHaveLength(1);
    expect(findingsOf(context(({ model }) => void (model.service.contacts = model.service.contacts.filter((contact) => contact.role === 'team'))), 'escalation-contact')).toHaveLength(1);
  });

  it('asks for outcomes, security evidence and an authored training module', () => {
    const checked = context(({ model }) => {
      model.outcomes = [];
      model.security = [];
      model.training = model.training.filter((module) => module.generated);
    });
    expect(runChecks(checked).report.findings.map((finding) => finding.rule).sort()).toEqual(
      ['alert-has-runbook', 'dependency-updates', 'outcomes-defined', 'runbook-reviewed', 'threat-model', 'training-path'],
    );
    expect(findingsOf(checked, 'training-path')[0]!.message).toBe('The learning path has only generated modules; none is written by the team.');
  });

  it('skips the rules the config lists, and reports skip ids that name no rule', () => {
    const { report, unknownSkips } = runChecks(context(({ config }) => void (config.check.skip = ['alert-has-runbook', 'threat-modle'])));
    expect(report.findings.map((finding) => finding.rule)).not.toContain('alert-has-runbook');
    expect(report.areas[0]!.rules[0]).toMatchObject({ id: 'alert-has-runbook', skipped: true, score: null });
    expect(unknownSkips).toEqual(['threat-modle']);
  });
});

describe('the Markdown report', () => {
  it('has the score, a table of areas and the findings with file:line, for a CI job summary', () => {
    const markdown = formatReadinessMarkdown(runChecks(context()).report);
    expect(markdown).toMatch(/^## Handover readiness of Blue Badge applications: \d+\/100\n/);
    expect(markdown).toContain('| Operations | 84/100 | Every alert has a runbook (85/100); Runbooks are reviewed within their review period (83/100) |');
    expect(markdown).toContain('### Errors\n\n- `alerts/prometheus-rules.yml:95` **alert-has-runbook**: Alert BadgePrintFileRejected has no runbook. _Fix:_');
  });

  it('escapes text from the repository so it cannot become HTML, links or table cells', () => {
    const checked = context(({ model }) => void (model.alerts[0]!.runbook = null, model.alerts[0]!.runbookResolution = 'none', model.alerts[0]!.name = '<img src=x onerror=alert(1)>|[x](javascript:1)'));
    const markdown = formatReadinessMarkdown(runChecks(checked).report);
    expect(markdown).toContain('Alert \\<img src=x onerror=alert(1)\\>\\|\\[x\\](javascript:1) has no runbook.');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
  });
});
