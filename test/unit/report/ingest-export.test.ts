import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';
import { createIngestExport, IngestExportSchema } from '../../../scripts/report/ingest-export.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

describe('the `handover ingest --json` export (a public, versioned interface)', () => {
  it('matches its schema and carries the documented ADR fields', async () => {
    const { model, report } = await ingest(path.join(PROJECT_ROOT, 'examples', 'demo-service'));
    const exported = IngestExportSchema.parse(JSON.parse(JSON.stringify(createIngestExport(model, report))));
    expect(exported.version).toBe(1);
    const adr = exported.records.find((record) => record.kind === 'adr' && record.number === 2);
    expect(adr).toEqual({
      kind: 'adr',
      id: '0002-use-postgresql-sessions-for-applicant-login',
      number: 2,
      title: 'Use PostgreSQL sessions for applicant login',
      status: 'superseded',
      statusText: expect.stringMatching(/^Superseded by/),
      date: '2023-03-28',
      deciders: [],
      consulted: [],
      informed: [],
      tags: [],
      supersedes: [],
      supersededBy: ['0005-use-gov-uk-one-login-for-applicant-identity'],
      amends: [],
      amendedBy: [],
      summary: expect.any(String),
      source: { path: 'docs/adr/0002-use-postgresql-sessions-for-applicant-login.md', line: 1 },
    });
    expect(Object.keys(exported)).toEqual(['version', 'records', 'files', 'diagnostics']);
    const files = exported.files.map((file) => file.path);
    for (const record of exported.records) if ('source' in record && record.source) expect(files).toContain(record.source.path);
    const runbook = exported.records.find((record) => record.kind === 'runbook' && record.id === 'notify-outage');
    expect(runbook).toMatchObject({ kind: 'runbook', title: 'GOV.UK Notify outage or degradation', alerts: ['NotifyDeliveryFailures'], owner: '@example-council/blue-badge-team', lastReviewed: '2026-06-01', reviewDue: '2026-12-01' });
    expect(runbook).not.toHaveProperty('body');
    const alert = exported.records.find((record) => record.kind === 'alert' && record.name === 'NotifyDeliveryFailures');
    expect(exported.records.find((record) => record.kind === 'debt' && record.ref === 'TD-001')).toMatchObject({ kind: 'debt', id: 'td-001', status: 'open', decision: '0004-accept-technical-debt-synchronous-notify-calls', source: { path: 'docs/debt/README.md', line: 14 } });
    expect(exported.records.find((record) => record.kind === 'code-marker' && record.marker === 'FIXME')).toMatchObject({ kind: 'code-marker', text: expect.stringContaining('UTC'), source: { path: 'src/domain/badge.ts' } });
    expect(exported.records.find((record) => record.kind === 'api-module' && record.id === 'domain-badge')).toEqual({ kind: 'api-module', id: 'domain-badge', name: 'domain/badge', symbols: 7, documented: 7, source: { path: 'src/domain/badge.ts', line: 1 } });
    expect(alert).toMatchObject({ kind: 'alert', id: 'notifydeliveryfailures', severity: 'warning', runbook: 'notify-outage', runbookResolution: 'url', source: { path: 'alerts/prometheus-rules.yml' } });
  });
});
