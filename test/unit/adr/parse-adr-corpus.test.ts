import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../scripts/config/load-config.ts';
import { ingest } from '../../../scripts/ingest.ts';
import { adrSource } from '../../../scripts/sources/adr/index.ts';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES, readFixture } from '../../helpers/fixtures.ts';

describe.skipIf(!HAVE_FIXTURES)(`ADRs from real repositories${HAVE_FIXTURES ? '' : ` (skipped: ${FIXTURES_SKIP_REASON})`}`, () => {
  it('reads the canonical adr-tools ADRs: number, title, status, date and Amends links both ways', async () => {
    const { model, report } = await ingest(path.join(FIXTURES, 'npryce__adr-tools'));
    expect(model.adrs).toHaveLength(9);
    expect(model.adrs.map((adr) => adr.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const first = model.adrs[0]!;
    expect(first).toMatchObject({ id: '0001-record-architecture-decisions', title: 'Record architecture decisions', status: 'accepted', date: '2016-02-12' });
    expect(model.adrs.every((adr) => adr.status === 'accepted')).toBe(true);
    const helpComments = model.adrs.find((adr) => adr.number === 5)!;
    const helpScripts = model.adrs.find((adr) => adr.number === 9)!;
    expect(helpComments.amendedBy).toEqual([helpScripts.id]);
    expect(helpScripts.amends).toEqual([helpComments.id]);
    expect(report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });

  it('reads MADR files, skips the template and index, and never invents a status', async () => {
    const { model, report } = await ingest(path.join(FIXTURES, 'adr__madr'));
    expect(model.adrs).toHaveLength(19);
    expect(report.files.filter((file) => file.outcome === 'skipped' && file.path.endsWith('.md')).map((file) => [file.path, file.reason])).toEqual([
      ['docs/decisions/adr-template.md', 'ADR template'],
      ['docs/decisions/index.md', 'index or README of the ADR folder'],
    ]);
    const first = model.adrs[0]!;
    expect(first).toMatchObject({ number: 0, title: 'Use Markdown Architectural Decision Records' });
    // These MADR files carry docs-site front matter but no status: the status stays null.
    expect(model.adrs.filter((adr) => adr.status === null).length).toBeGreaterThan(10);
    expect(model.adrs.some((adr) => adr.status === 'accepted')).toBe(false);
  });

  it('accounts for every Markdown file in the ADR folder in the report', async () => {
    const repo = path.join(FIXTURES, 'adr__madr');
    const { config } = await loadConfig(repo);
    const discovered = await adrSource.discover({ repoRoot: repo, config });
    const { report } = await ingest(repo);
    expect(report.files.filter((file) => file.source === 'adr' && file.path.endsWith('.md')).map((file) => file.path)).toEqual(discovered);
    // Every other file in the folder (images, notes) is listed as skipped, with the reason.
    const others = report.files.filter((file) => file.source === 'adr' && !file.path.endsWith('.md'));
    expect(others.every((file) => file.outcome === 'skipped' && file.reason)).toBe(true);
  });

  it('maps emoji statuses with and without U+FE0F, and reads "Superseded [0019](..)" as a link', async () => {
    const { model } = await ingest(path.join(FIXTURES, 'ministryofjustice__modernisation-platform'));
    const statuses = new Set(model.adrs.map((adr) => adr.status));
    expect(statuses).toEqual(new Set(['accepted', 'rejected', 'proposed', 'superseded']));
    const superseded = model.adrs.filter((adr) => adr.status === 'superseded');
    expect(superseded.length).toBe(2);
    expect(model.adrs.some((adr) => adr.supersededBy.includes('0019-use-bash-go-as-core-languages'))).toBe(true);
  });

  it('reads the statuses of alphagov ADRs, including Pending and Approved synonyms', async () => {
    const file = await readFixture('alphagov__govuk-aws', 'docs/architecture/decisions/0001-record-architecture-decisions.md');
    const [adr] = adrSource.parse(file, { repoRoot: '', config: (await loadConfig('/nonexistent')).config }).records;
    expect(adr).toMatchObject({ number: 1, status: 'accepted' });
    const { model } = await ingest(path.join(FIXTURES, 'alphagov__govuk-aws'));
    expect(model.adrs.length).toBe(38);
    expect(model.adrs.filter((adr) => adr.statusText === 'Pending').every((adr) => adr.status === 'proposed')).toBe(true);
    expect(model.adrs.filter((adr) => adr.status === null)).toEqual([]);
  });
});
