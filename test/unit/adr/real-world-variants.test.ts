import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { linkAdrs } from '../../../scripts/model/link-adrs.ts';
import { findAdrLocations } from '../../../scripts/sources/adr/discover-adrs.ts';
import { parseAdr } from '../../../scripts/sources/adr/parse-adr.ts';

// Shapes met in real repositories beyond the fixture corpus (backstage, alphagov/forms,
// ministryofjustice/cloud-platform, owncloud/ocis, elastisys, arachne, DfE).
const adr = (file: string, text: string) => parseAdr({ path: file, text }).records[0]!;

describe('ADR titles as teams write them', () => {
  it.each([
    ['# [Superseded by [ADR-0019](0019-x.md)] Push Metrics via InfluxDB', 'Push Metrics via InfluxDB', 3],
    ['# ADRxxx: Use Vite and the vite_rails gem', 'Use Vite and the vite_rails gem', null],
    ['# Architecture Decision Record: Use ADRs', 'Use ADRs', 1],
    ['# ADR006: Use the GOV.UK design system', 'Use the GOV.UK design system', 6],
  ])('%s -> %s', (heading, title, number) => {
    const file = number === 3 ? 'docs/adr/0003-push.md' : number === 1 ? 'adr-001-use-adrs.md' : number === 6 ? 'ADR/ADR006-design.md' : 'ADR/ADRXXX-use-vite.md';
    expect(adr(file, `${heading}\n`)).toMatchObject({ title, number });
  });

  it('takes a level-2 heading that opens a file with no level-1 heading, and its preamble fields', () => {
    const record = adr('docs/ADRs/adr-006-quals.md', '## 006 - Choose HL Technical Direction\n\n**Date: 15-02-2023**\n\n**Status: Proposed**\n\n## Context\n\nWhy.\n');
    expect(record).toMatchObject({ number: 6, title: 'Choose HL Technical Direction', date: '2023-02-15', status: 'proposed' });
  });
});

describe('ADR metadata as teams write it', () => {
  it('reads bold fields separated by hard line breaks', () => {
    const record = adr('cp30/ADR-019-x.md', '# ADR 019: X\n\n**Status:** Proposed - draft  \n**Date:** 2026-10-06  \n**Decision Maker:** Team\n\n## Context\n');
    expect(record).toMatchObject({ status: 'proposed', date: '2026-10-06', statusText: 'Proposed - draft' });
  });

  it('reads fields laid out as table columns', () => {
    const record = adr('docs/architecture-decisions/adr002-x.md', '# ADR002: X\n\n| Created | Status |\n| --- | --- |\n| 2020-05-17 | Open |\n');
    expect(record).toMatchObject({ status: 'proposed', date: '2020-05-17' });
  });

  it('treats template wording as no status', () => {
    expect(adr('ADR/ADR025-x.md', '# ADR025: X\n\n## Status\n\n> Accepted or Rejected\n').status).toBeNull();
  });

  it('prefers the Date written in the ADR to a front matter page date, and reads ISO date-times', () => {
    const text = '---\ntitle: "16. Files metadata"\ndate: 2022-03-02T00:00:00+01:00\n---\n\n* Status: accepted\n* Date: 2022-02-04\n';
    expect(adr('docs/ocis/adr/0016-files-metadata.md', text)).toMatchObject({ title: 'Files metadata', number: 16, date: '2022-02-04' });
    expect(adr('docs/ocis/adr/0002-x.md', '---\ndate: 2020-08-21T20:21:00+01:00\n---\n# X\n').date).toBe('2020-08-21');
  });

  it('reads an unquoted title from front matter that is not valid YAML', () => {
    const { records, diagnostics } = parseAdr({ path: 'docs/architecture-decisions/adr002-x.md', text: '---\nid: adrs-adr002\ntitle: ADR002: Default Catalog File Format\n---\n\nText.\n' });
    expect(records[0]).toMatchObject({ title: 'Default Catalog File Format', number: 2 });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['markdown/invalid-front-matter']);
  });

  it('follows Hugo ref shortcode links between ADRs', () => {
    const { adrs } = linkAdrs([
      adr('docs/ocis/adr/0001-accounts.md', '# 1. Accounts\n\n* Status: superseded by [ADR-0003]({{< ref "0003-users.md" >}})\n'),
      adr('docs/ocis/adr/0003-users.md', '# 3. Users\n\n* Status: accepted\n'),
      adr('docs/ocis/adr/0024-msgpack.md', '# 24. Msgpack\n\n* Status: accepted\n* supersedes [ADR-0016 Storage]({{< ref "0016-files.md" >}})\n'),
      adr('docs/ocis/adr/0016-files.md', '# 16. Files\n\n* Status: superseded\n'),
    ]);
    expect(adrs.map((record) => [record.number, record.supersedes, record.supersededBy])).toEqual([
      [1, [], ['0003-users']],
      [3, ['0001-accounts'], []],
      [16, [], ['0024-msgpack']],
      [24, ['0016-files'], []],
    ]);
  });

  it('numbers ADRs per folder, and keeps ids unique across folders', () => {
    const result = linkAdrs([
      adr('adr/019-eks.md', '# 19. EKS\n\n## Status\n\nAccepted\n'),
      adr('adr/cp30/019-eks.md', '# 19. EKS again\n\n## Status\n\nProposed\n'),
    ]);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'adr/duplicate-number')).toEqual([]);
    expect(new Set(result.adrs.map((record) => record.id)).size).toBe(2);
  });
});

describe('finding ADR folders', () => {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  });
  const repo = async (files: string[]) => {
    const root = await mkdtemp(path.join(tmpdir(), 'handover-discover-'));
    roots.push(root);
    for (const file of files) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), '# 1. X\n');
    }
    return findAdrLocations({ repoRoot: root, config: ConfigSchema.parse({}) });
  };

  it('matches folder names case-insensitively', async () => {
    expect((await repo(['docs/ADRs/adr-001-x.md'])).folders).toEqual(['docs/ADRs']);
  });

  it('finds a well-named folder deeper down when no conventional folder exists', async () => {
    expect((await repo(['docs/ocis/adr/0001-x.md', 'src/adr/code.ts'])).folders).toEqual(['docs/ocis/adr']);
  });

  it('prefers the conventional folder to ADRs of examples or vendored projects', async () => {
    expect((await repo(['docs/adr/0001-x.md', 'examples/svc/docs/adr/0001-y.md'])).folders).toEqual(['docs/adr']);
  });

  it('reads ADR files kept at the repository root when there is no folder', async () => {
    expect(await repo(['README.md', 'adr-001-use-adrs.md', 'adr-002-x.md'])).toEqual({ folders: [], rootFiles: ['adr-001-use-adrs.md', 'adr-002-x.md'] });
  });
});
