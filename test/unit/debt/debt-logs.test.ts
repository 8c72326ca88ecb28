import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';
import { findMarkers, looksMinified } from '../../../scripts/sources/code-marker/find-markers.ts';
import { debtSource } from '../../../scripts/sources/debt/index.ts';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES } from '../../helpers/fixtures.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

// Expectations written by reading the files (see `notes` in the JSON for the reader's calls).
const expected = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'expectations', 'tech-debt.json'), 'utf8')) as {
  files: { fixture: string; file: string; kind: string; items: Record<string, string | number | null>[] }[];
};
const context = { repoRoot: '/nowhere', config: ConfigSchema.parse({}) };
const parse = (file: string, text: string) => debtSource.parse({ path: file, text }, context);

describe.each(expected.files.map((file) => [`${file.fixture}/${file.file}`, file] as const))('debt log %s', (_name, file) => {
  const root = file.fixture.startsWith('examples/') ? path.join(PROJECT_ROOT, file.fixture) : path.join(FIXTURES, file.fixture);
  const corpus = !file.fixture.startsWith('examples/');
  it.skipIf(corpus && !HAVE_FIXTURES)(`lists the items a reader would list${corpus && !HAVE_FIXTURES ? ` (skipped: ${FIXTURES_SKIP_REASON})` : ''}`, async () => {
    const { model } = await ingest(root, { today: '2026-11-27' });
    const items = model.debt.filter((item) => item.source.path === file.file);
    expect(items.map((item) => [item.source.line, item.title])).toEqual(file.items.map((item) => [item.line, item.title]));
    items.forEach((item, index) => {
      const want = file.items[index]!;
      expect({ ref: item.ref, status: item.status }, item.title).toEqual({ ref: want.id, status: want.status });
      if (file.kind === 'table') {
        expect({ taken: item.taken, reason: item.reason, impact: item.impact, effort: item.effort, owner: item.owner, decision: item.decisionText, remediation: item.remediation }, item.title)
          .toEqual({ taken: want.taken, reason: want.reason, impact: want.impact, effort: want.effort, owner: want.owner, decision: want.decision, remediation: want.remediation });
      }
      if (file.kind === 'table' && corpus) expect(item.locations, item.title).toEqual(want.location ? [want.location] : []);
    });
  });
});

describe('debt log shapes', () => {
  it('reads a YAML log, and reports an unknown status and a bad date on the item', () => {
    const { records, diagnostics } = parse('debt.yml', '- id: TD-9\n  title: Shared database\n  status: Looming\n  taken: 31/02/2024\n  impact: High\n  adr: ADR-0003\n');
    expect(records[0]).toMatchObject({ ref: 'TD-9', title: 'Shared database', status: null, statusText: 'Looming', impact: 'High', decisionText: 'ADR-0003' });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['debt/unknown-status', 'debt/invalid-date']);
  });

  it('reads one item per file from front matter and text', () => {
    const { records } = parse('docs/debt/0002-shared-db.md', '---\nstatus: in progress\ntaken: 2024-01-02\nowner: Ana\n---\n# Shared database\n\nWe share a database with the CRM.\n');
    expect(records[0]).toMatchObject({ title: 'Shared database', status: 'in-progress', taken: '2024-01-02', owner: 'Ana' });
    expect(records[0]!.body?.children[0]?.type).toBe('paragraph');
  });

  it('matches cells to columns from the left when a row is short, and says so', () => {
    const { records, diagnostics } = parse('TECH_DEBT.md', '| ID | Title | Status | Owner |\n| -- | -- | -- | -- |\n| TD-1 | Short row | Open |\n');
    expect(records[0]).toMatchObject({ ref: 'TD-1', title: 'Short row', status: 'open', owner: null });
    expect(diagnostics[0]).toMatchObject({ code: 'debt/ragged-row', line: 3 });
  });
});

describe('findMarkers', () => {
  it('finds TODO, FIXME, HACK and XXX in comments, and @deprecated tags, with their lines', () => {
    const code = 'const a = 1; // TODO: remove after March\n/* FIXME(BB-12): UTC */\n# HACK - normalise codes\n/**\n * @deprecated Use generate() instead.\n */\nconst todo = "TODO in a string is not a comment";\n';
    expect(findMarkers(code, 'x.ts').map((marker) => [marker.source.line, marker.marker, marker.text])).toEqual([
      [1, 'TODO', 'remove after March'], [2, 'FIXME', 'UTC'], [3, 'HACK', 'normalise codes'], [5, 'DEPRECATED', 'Use generate() instead.'],
    ]);
  });

  it('picks up debt references from the comment a marker opens', () => {
    const code = '  // FIXME: this works in UTC.\n  // Tracked as TD-003.\n  const x = 1; // TD-999 is on a code line, not in this comment\n';
    expect(findMarkers(code, 'badge.ts')[0]!.refs).toEqual(['TD-003']);
  });

  it('recognises minified code', () => {
    expect(looksMinified(`var a=1;${'x'.repeat(2000)}`)).toBe(true);
    expect(looksMinified('const a = 1;\n// TODO: x\n')).toBe(false);
  });
});

describe('the code-marker scan on awkward files', () => {
  it('skips binary and minified files with a reason in the report, and never fails the build', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(path.join(tmpdir(), 'handover-markers-'));
    try {
      await writeFile(path.join(root, 'binary.js'), Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x54, 0x4f, 0x44, 0x4f]));
      await writeFile(path.join(root, 'bundle.js'), `var a=1;/* TODO: not ours */${'x'.repeat(3000)}`);
      await writeFile(path.join(root, 'app.ts'), '// TODO: ours\n');
      const { model, report } = await ingest(root, { today: '2026-11-27' });
      expect(model.codeMarkers.map((marker) => marker.id)).toEqual(['app.ts:1']);
      const outcomes = Object.fromEntries(report.files.filter((file) => file.source === 'code-marker').map((file) => [file.path, [file.outcome, file.reason]]));
      expect(outcomes['binary.js']).toEqual(['skipped', expect.stringMatching(/binary/)]);
      expect(outcomes['bundle.js']).toEqual(['skipped', 'minified or generated code']);
      expect(report.summary.errors).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
