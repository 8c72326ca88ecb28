import { describe, expect, it } from 'vitest';
import { normaliseAdrStatus } from '../../../scripts/sources/adr/adr-status.ts';
import { parseAdr, stripNumberPrefix } from '../../../scripts/sources/adr/parse-adr.ts';
import { normaliseDate } from '../../../scripts/sources/shared/normalise-date.ts';

describe('normaliseAdrStatus', () => {
  it.each([
    ['Accepted', 'accepted'], ['✅ Accepted', 'accepted'], ['⌛️ Superseded [0019](0019-x.md)', 'superseded'], ['⌛ Superseded', 'superseded'],
    ['Approved', 'accepted'], ['Pending', 'proposed'], ['`Proposed`.', 'proposed'], ['> Rejected', 'rejected'], ['Accepted. Supersedes [1](0001-x.md)', 'accepted'],
    ['Superseded by [5. Use X](0005-use-x.md)', 'superseded'], ['Deprecated', 'deprecated'], ['draft', 'draft'], ['🤔 Proposed', 'proposed'], ['❌', 'rejected'],
  ])('%s -> %s', (written, expected) => {
    expect(normaliseAdrStatus(written)).toBe(expected);
  });

  it('returns null for words it does not know rather than guessing', () => {
    expect(normaliseAdrStatus('Blocked by the board')).toBeNull();
    expect(normaliseAdrStatus('{proposed | rejected | accepted}')).toBeNull();
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2016-02-12', '2016-02-12'], ['04/09/2020', '2020-09-04'], ['2020/09/04', '2020-09-04'], ['20200904', '2020-09-04'],
    ['4 September 2020', '2020-09-04'], ['September 4, 2020', '2020-09-04'], ['31/02/2020', null], ['soon', null],
  ])('%s -> %s', (written, expected) => {
    expect(normaliseDate(written)).toBe(expected);
  });

  it('reads YAML dates', () => {
    expect(normaliseDate(new Date(Date.UTC(2024, 4, 2)))).toBe('2024-05-02');
  });
});

describe('stripNumberPrefix', () => {
  it.each([['3. Use X', 'Use X'], ['ADR-003: Use X', 'Use X'], ['ADR019: Use X', 'Use X'], ['Use X', 'Use X'], ['12) Use X', 'Use X']])('%s -> %s', (title, expected) => {
    expect(stripNumberPrefix(title)).toBe(expected);
  });
});

describe('parseAdr', () => {
  it('reads a MADR 2 bullet list and a superseded-by link written without a link', () => {
    const text = '# Use Kafka\n\n* Status: superseded by ADR-0012\n* Deciders: Ana, Bo and Cy\n* Date: 2021-03-04\n\n## Context and Problem Statement\n\nWe need events.\n';
    const [adr] = parseAdr({ path: 'docs/adr/0007-use-kafka.md', text }).records;
    expect(adr).toMatchObject({ number: 7, title: 'Use Kafka', status: 'superseded', date: '2021-03-04', deciders: ['Ana', 'Bo', 'Cy'], summary: 'We need events.' });
    expect(adr!.references).toEqual([{ relation: 'supersededBy', href: null, number: 12, line: 3, inProse: false }]);
  });

  it('keeps the ADR and reports broken front matter with its line', () => {
    const text = '---\nstatus: accepted\ndate: [2021\n---\n# Use Kafka\n\nBody.\n';
    const { records, diagnostics } = parseAdr({ path: 'docs/adr/0001-use-kafka.md', text });
    // The simple lines of the broken front matter are still read.
    expect(records[0]).toMatchObject({ title: 'Use Kafka', status: 'accepted', date: null });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'docs/adr/0001-use-kafka.md', code: 'markdown/invalid-front-matter', severity: 'error' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(diagnostics[0]!.hint).toMatch(/YAML/);
  });

  it('reads relations written in prose only when they name an ADR', () => {
    const text = '# 33. IP ranges\n\n## Status\n\nPending\n\n## Context\n\nThis ADR in part supersedes [0003](0003-aws.md).\n\n**These ranges have been superseded by [ADR #0040](0040-x.md).**\n\nIt was superseded by 5 other tools.\n';
    const [adr] = parseAdr({ path: 'docs/adr/0033-ip-ranges.md', text }).records;
    expect(adr!.references.map(({ relation, href, number, inProse }) => [relation, href, number, inProse])).toEqual([
      ['supersedes', '0003-aws.md', 3, true],
      ['supersededBy', '0040-x.md', 40, true],
    ]);
  });

  it('shares a relation across a list of links, and reads partial supersession', () => {
    const text = '# 17. Simplify\n\n## Status\n\nAccepted\n\n## Context\n\nNote: this ADR supersedes some aspects of [ADR-15](adr-015-x.md) and [ADR-16](adr-016-y.md). See [ADR-3](adr-003-z.md).\n';
    const [adr] = parseAdr({ path: 'adr-017-simplify.md', text }).records;
    expect(adr!.references.map(({ relation, href }) => [relation, href])).toEqual([
      ['supersedes', 'adr-015-x.md'],
      ['supersedes', 'adr-016-y.md'],
    ]);
  });

  it('states no status when the file states none', () => {
    const [adr] = parseAdr({ path: 'docs/adr/0002-x.md', text: '# 2. Do X\n\n## Context\n\nBecause.\n' }).records;
    expect(adr!.status).toBeNull();
    expect(adr!.statusText).toBeNull();
  });

  it('leaves out the title and the preamble fields the page header shows, keeping the rest', () => {
    const text = '# 3. Use X\n\nDate: 2024-01-02\n\n* Technical story: BB-12\n\n## Status\n\nAccepted\n';
    const [adr] = parseAdr({ path: 'docs/adr/0003-use-x.md', text }).records;
    expect(adr!.date).toBe('2024-01-02');
    expect(adr!.body.children.map((node) => node.type)).toEqual(['list', 'heading', 'paragraph']);
  });

  it('reads MADR 4 front matter with any key case, and a key/value table under the title', () => {
    const madr = '---\nStatus: Accepted\ndate: 2024-05-02\ndecision-makers: [Ana, Bo]\nconsulted: Cy\ninformed: [Di]\n---\n# Use X\n';
    expect(parseAdr({ path: 'docs/decisions/0004-use-x.md', text: madr }).records[0]).toMatchObject({ status: 'accepted', date: '2024-05-02', deciders: ['Ana', 'Bo'], consulted: ['Cy'], informed: ['Di'] });
    const table = '# [ADR-0012] Use Y\n\n| Field | Value |\n| --- | --- |\n| Status | Proposed |\n| Date | 03/04/2022 |\n\n## Context\n\nWhy.\n';
    const [adr] = parseAdr({ path: 'docs/adr/use-y.md', text: table }).records;
    expect(adr).toMatchObject({ number: 12, title: 'Use Y', status: 'proposed', date: '2022-04-03' });
    expect(adr!.body.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
  });

  it('skips an empty file with a reason', () => {
    expect(parseAdr({ path: 'docs/adr/0003-empty.md', text: '' })).toMatchObject({ records: [], skipped: 'empty file' });
  });
});
