import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { linkOperations } from '../../../scripts/model/link-operations.ts';
import { reviewStateOn } from '../../../scripts/model/review-state.ts';
import { parseRuleFile } from '../../../scripts/sources/alert/parse-rule-file.ts';
import { ownersOf, parseCodeowners } from '../../../scripts/sources/ownership/codeowners.ts';
import { parseRunbook } from '../../../scripts/sources/runbook/parse-runbook.ts';
import { addPeriod } from '../../../scripts/sources/shared/review-period.ts';

const rules = (path: string, text: string) => parseRuleFile({ path, text });

describe('parseRuleFile', () => {
  it('reads alerting rules with their line, and leaves recording rules out', () => {
    const result = rules('rules.yml', 'groups:\n  - name: api\n    rules:\n      - record: job:x:rate5m\n        expr: rate(x[5m])\n      - alert: ApiDown\n        expr: up == 0\n        for: 5m\n        labels: { severity: page }\n        annotations:\n          summary: API is down\n          runbook_url: https://runbooks.example.org/ApiDown\n');
    expect(result.records).toEqual([expect.objectContaining({ name: 'ApiDown', id: 'apidown', group: 'api', severity: 'page', for: '5m', summary: 'API is down', runbookUrl: 'https://runbooks.example.org/ApiDown', source: { path: 'rules.yml', line: 6 } })]);
  });

  it('reads PrometheusRule resources, several to a file', () => {
    const resource = (name: string) => `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ${name}\nspec:\n  groups:\n    - name: g\n      rules:\n        - alert: ${name}\n          expr: vector(1)\n`;
    expect(rules('k8s.yaml', `${resource('One')}---\n${resource('Two')}`).records.map((alert) => [alert.name, alert.source.line])).toEqual([['One', 9], ['Two', 20]]);
  });

  it('reads a Helm-templated rule file without rendering it', () => {
    const helm = '{{- if .Values.alerts.enabled }}\ngroups:\n  - name: {{ .Release.Name }}\n    rules:\n      - alert: QueueBacklog\n        expr: queue_depth > {{ .Values.threshold }}\n        labels:\n          severity: {{ .Values.severity | default "ticket" }}\n        annotations:\n          summary: "{{ $labels.queue }} is backing up"\n{{- end }}\n';
    const [alert] = rules('templates/rules.yaml', helm).records;
    expect(alert).toMatchObject({ name: 'QueueBacklog', summary: '{{ $labels.queue }} is backing up', source: { line: 5 } });
  });

  it('reports invalid YAML with its line, and skips promtool tests', () => {
    const broken = rules('bad.yml', 'groups:\n  - name: g\n    rules:\n      - alert: [unclosed\n');
    expect(broken.records).toEqual([]);
    expect(broken.diagnostics[0]).toMatchObject({ file: 'bad.yml', code: 'alert/invalid-yaml', severity: 'error' });
    expect(broken.diagnostics[0]!.line).toBeGreaterThanOrEqual(4);
    expect(rules('x_tests.yml', 'rule_files:\n  - x.yml\ntests:\n  - interval: 1m\n').skipped).toBe('promtool test file');
  });
});

describe('linkOperations', () => {
  const runbook = (path: string, text: string) => parseRunbook({ path, text }).records[0]!;
  const alert = (name: string, runbookUrl: string | null, path = 'alerts/rules.yml') => rules(path, `groups:\n  - name: g\n    rules:\n      - alert: ${name}\n        expr: up == 0\n${runbookUrl ? `        annotations:\n          runbook_url: ${runbookUrl}\n` : ''}`).records[0]!;
  const runbooks = [
    runbook('docs/runbooks/api-down.md', '# API down\n'),
    runbook('docs/runbooks/QueueBacklog.md', '# QueueBacklog\n'),
    runbook('docs/runbooks/disk.md', '---\nalerts: [DiskFull]\n---\n# Disk\n'),
  ];

  it('resolves runbook URLs by pattern, by relative path, by name and by front matter; reports the rest', () => {
    const result = linkOperations([
      alert('ApiDown', 'https://old.example.org/runbooks/api-down.html#impact'),
      alert('Gone', 'https://old.example.org/runbooks/gone.html'),
      alert('Relative', '../docs/runbooks/api-down.md'),
      alert('QueueBacklog', null),
      alert('DiskFull', null),
      alert('Elsewhere', 'https://wiki.example.org/x'),
      alert('Orphan', null),
    ], runbooks, { urlPattern: 'https://old.example.org/runbooks/{slug}.html', repoUrl: null });
    expect(result.alerts.map((item) => [item.name, item.runbook, item.runbookResolution])).toEqual([
      ['ApiDown', 'api-down', 'url'], ['Gone', null, 'not-found'], ['Relative', 'api-down', 'url'], ['QueueBacklog', 'queuebacklog', 'front-matter'],
      ['DiskFull', 'disk', 'front-matter'], ['Elsewhere', null, 'external'], ['Orphan', null, 'none'],
    ]);
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message.split(' ')[1]}`)).toEqual(['alert/runbook-not-found Gone', 'alert/no-runbook Orphan']);
    expect(result.runbooks.find((item) => item.id === 'api-down')!.alerts).toEqual(['ApiDown', 'Relative']);
  });

  it('gives alerts that share a name distinct ids', () => {
    const result = linkOperations([alert('High5xxRate', null, 'a.yml'), alert('High5xxRate', null, 'b.yml')], [], { urlPattern: null, repoUrl: null });
    expect(result.alerts.map((item) => item.id)).toEqual(['high5xxrate', 'high5xxrate-2']);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('alert/duplicate-name');
  });
});

describe('ownership and reviews', () => {
  it('takes the owners of the last matching CODEOWNERS line', () => {
    const codeowners = parseCodeowners('# owners\n* @org/team\n/docs/runbooks/ @org/sre # on call\n*.md @org/writers\n');
    expect(ownersOf(codeowners, 'docs/runbooks/disk.md')).toEqual(['@org/writers']);
    expect(ownersOf(codeowners, 'docs/runbooks/disk.yml')).toEqual(['@org/sre']);
    expect(ownersOf(codeowners, 'src/index.ts')).toEqual(['@org/team']);
  });

  it.each([
    ['2026-02-18', '6 months', '2026-08-18'], ['2026-01-31', '1 month', '2026-02-28'], ['2026-03-01', '3 weeks', '2026-03-22'],
    ['2026-03-01', '90 days', '2026-05-30'], ['2026-03-01', '1 year', '2027-03-01'], ['2026-03-01', '6 month', '2026-09-01'], ['2026-03-01', 'soon', null],
  ])('%s + %s = %s', (date, period, due) => {
    expect(addPeriod(date, period)).toBe(due);
  });

  it('is overdue after the due date, due soon within 30 days, unknown with no date', () => {
    expect([reviewStateOn('2026-11-26', '2026-11-27'), reviewStateOn('2026-11-27', '2026-11-27'), reviewStateOn('2026-12-27', '2026-11-27'), reviewStateOn('2026-12-28', '2026-11-27'), reviewStateOn(null, '2026-11-27')])
      .toEqual(['overdue', 'due-soon', 'due-soon', 'current', 'unknown']);
  });

  it('reads the default review period from the config', () => {
    expect(ConfigSchema.parse({}).runbooks.reviewPeriod).toBe('6 months');
    expect(ConfigSchema.safeParse({ runbooks: { reviewPeriod: 'often' } }).success).toBe(false);
  });
});
