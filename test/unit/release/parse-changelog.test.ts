import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { ReleaseNotes } from '../../../scripts/model/schemas/release.ts';
import { parseChangelog } from '../../../scripts/sources/release/parse-changelog.ts';
import { readReleaseHeading } from '../../../scripts/sources/release/release-heading.ts';

const read = async (name: string) => parseChangelog({ path: 'CHANGELOG.md', text: await readFile(path.join(import.meta.dirname, 'changelogs', name), 'utf8') });
const summary = (release: ReleaseNotes) => ({ version: release.version, date: release.date, sections: release.sections.map((section) => section.title) });

describe('release headings', () => {
  it.each([
    ['[1.2.0] - 2026-01-05', '1.2.0', '2026-01-05'],
    ['1.2.0 (2026-01-05)', '1.2.0', '2026-01-05'],
    ['v1.2.0', '1.2.0', null],
    ['Unreleased', 'Unreleased', null],
    ['1.0.0-beta.2 — 2025-12-24', '1.0.0-beta.2', '2025-12-24'],
    ['4.18.2 / 2022-10-08', '4.18.2', '2022-10-08'],
    ['@scope/pkg@2.1.0', '2.1.0', null],
    ['release-please-poc-v1.6.0 (2022-08-19)', '1.6.0', '2022-08-19'],
    ['Version 3.0 - 5 March 2024', '3.0', '2024-03-05'],
    ['v1.0.3 - 2024-7-22', '1.0.3', '2024-07-22'],
  ])('%s', (text, version, date) => {
    expect(readReleaseHeading(text)).toMatchObject({ version, date });
  });

  it.each(['Changelog', 'Added', 'Bug Fixes', '2024', 'Next steps'])('%s is not a release', (text) => {
    expect(readReleaseHeading(text)).toBeNull();
  });
});

describe('changelogs', () => {
  it('reads Keep a Changelog: Unreleased, versions, dates, sections, yanked, reference links', async () => {
    const { records, diagnostics } = await read('keep-a-changelog.md');
    expect(diagnostics).toEqual([]);
    expect(records.map(summary)).toEqual([
      { version: 'Unreleased', date: null, sections: ['Added'] },
      { version: '1.2.0', date: '2026-01-05', sections: ['Added', 'Fixed'] },
      { version: '1.1.1', date: '2025-11-20', sections: ['Security'] },
      { version: '1.0.0', date: '2025-06-01', sections: [null] },
    ]);
    expect(records.map((release) => release.id)).toEqual(['unreleased', '1-2-0', '1-1-1', '1-0-0']);
    expect(records[2]!.yanked).toBe(true);
    expect(records[1]!.url).toBe('https://github.com/o/r/compare/v1.1.1...v1.2.0');
    expect(records[1]!.source).toEqual({ path: 'CHANGELOG.md', line: 14 });
    // `[#42][pr-42]` becomes an inline link, so the section stands on its own.
    const link = JSON.stringify(records[1]!.sections[0]!.body);
    expect(link).toContain('"type":"link","url":"https://github.com/o/r/pull/42"');
    expect(link).not.toContain('linkReference');
    // The last release does not swallow the link definitions at the end of the file.
    expect(JSON.stringify(records[3]!.sections)).not.toContain('definition');
  });

  it('reads release-please output, with patch releases written as ### beside ### sections', async () => {
    const { records, diagnostics } = await read('release-please.md');
    expect(diagnostics).toEqual([]);
    expect(records.map(summary)).toEqual([
      { version: '2.0.0', date: '2026-02-10', sections: ['⚠ BREAKING CHANGES', 'Features'] },
      { version: '1.5.1', date: '2025-12-01', sections: ['Bug Fixes'] },
      { version: '1.5.0', date: '2025-11-03', sections: ['Features'] },
    ]);
    expect(records[0]!.url).toBe('https://github.com/o/r/compare/v1.5.1...v2.0.0');
  });

  it('reads changesets output: package title, bare versions, Minor/Patch Changes', async () => {
    const { records, diagnostics } = await read('changesets.md');
    expect(diagnostics).toEqual([]);
    expect(records.map(summary)).toEqual([
      { version: '3.1.0', date: null, sections: ['Minor Changes', 'Patch Changes'] },
      { version: '3.0.1', date: null, sections: ['Patch Changes'] },
    ]);
    expect(toString(records[0]!.sections[0]!.body)).toContain('The compact variant halves the padding.');
  });

  it('reads setext `version / date` headings and turns an oldest-first file round', async () => {
    const { records, diagnostics } = await read('history-oldest-first.md');
    expect(diagnostics).toEqual([]);
    expect(records.map((release) => [release.version, release.date])).toEqual([['1.1.0', '2025-01-15'], ['1.0.0', '2024-08-15'], ['0.9.0', '2024-03-02']]);
  });

  it('reports a changelog with no release headings, with file, line and hint, and skips it', async () => {
    const result = await read('malformed.md');
    expect(result.records).toEqual([]);
    expect(result.skipped).toBe('no release headings found');
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'CHANGELOG.md', line: 1, severity: 'warning', code: 'release/no-releases-in-changelog', hint: expect.stringContaining('## [1.2.0] - 2026-01-05') })]);
  });

  it('reports unreadable dates, stray headings and duplicate versions, and keeps the rest', async () => {
    const { records, diagnostics } = await read('odd-headings.md');
    expect(records.map((release) => [release.id, release.date])).toEqual([['1-3-0', null], ['1-2-0', '2026-01-05'], ['1-2-0-2', '2026-01-04']]);
    expect(JSON.stringify(records[0]!.sections)).not.toContain('wiki');
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line])).toEqual([
      ['release/unreadable-date', 3],
      ['release/unrecognised-heading', 7],
      ['release/duplicate-version', 15],
    ]);
  });

  it('never throws on empty or odd input', () => {
    for (const text of ['', '#', '## [', '## 1.0.0\n### \n- a', '- just a list']) expect(() => parseChangelog({ path: 'CHANGELOG', text })).not.toThrow();
  });
});
