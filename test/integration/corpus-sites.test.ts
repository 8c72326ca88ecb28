import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES } from '../helpers/fixtures.ts';
import { PROJECT_ROOT, runCli } from '../helpers/run-cli.ts';

const EXPECTATIONS = path.join(PROJECT_ROOT, 'test', 'unit', 'adr', 'expectations');
const SETS = ['npryce__adr-tools', 'thomvaill__log4brains', 'adr__madr', 'alphagov__govuk-aws', 'ministryofjustice__modernisation-platform'];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-corpus-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(!HAVE_FIXTURES)(`handover build on every ADR set of the corpus${HAVE_FIXTURES ? '' : ` (skipped: ${FIXTURES_SKIP_REASON})`}`, () => {
  it.each(SETS)('%s builds with one page per ADR and no file lost', async (set) => {
    const expected = JSON.parse(readFileSync(path.join(EXPECTATIONS, `${set}.json`), 'utf8')) as { adrs: { id: string; file: string }[]; notDecisions: string[] };
    const out = path.join(scratch, set, 'dist');
    const result = await runCli(['build', '--repo', path.join(FIXTURES, set), '--out', out, '--work-dir', path.join(scratch, set, 'work')]);
    expect(result.code, result.stderr).toBe(0);
    for (const adr of expected.adrs) expect(existsSync(path.join(out, 'adr', adr.id, 'index.html')), adr.id).toBe(true);
    const index = await readFile(path.join(out, 'adr', 'index.html'), 'utf8');
    expect([...index.matchAll(/<tr data-status=/g)]).toHaveLength(expected.adrs.length);
    const report = JSON.parse(await readFile(path.join(out, 'handover-report.json'), 'utf8')) as { files: { path: string; outcome: string }[] };
    const accounted = report.files.map((file) => file.path);
    for (const file of [...expected.adrs.map((adr) => adr.file), ...expected.notDecisions]) expect(accounted).toContain(file);
    expect(report.files.filter((file) => file.outcome === 'error')).toEqual([]);
  });

  it('builds the modernisation-platform ERB runbooks with overdue badges for a fixed today', async () => {
    const expected = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/unit/operations/expectations/modernisation-platform-runbooks.json'), 'utf8')) as { runbooks: { id: string; overdue: boolean | null }[] };
    const out = path.join(scratch, 'ministryofjustice__modernisation-platform', 'dist');
    const index = await readFile(path.join(out, 'runbooks', 'index.html'), 'utf8');
    expect([...index.matchAll(/handover-status--rejected[^>]*>Review overdue</g)]).toHaveLength(expected.runbooks.filter((runbook) => runbook.overdue).length);
    for (const runbook of expected.runbooks) {
      const page = await readFile(path.join(out, 'runbooks', runbook.id, 'index.html'), 'utf8');
      expect(page.includes('>Review overdue<'), runbook.id).toBe(runbook.overdue === true);
      expect(page).not.toMatch(/current_page\.data/);
    }
  });

  it('builds the prometheus-operator runbooks, found by their alert names', async () => {
    const out = path.join(scratch, 'prometheus-operator', 'dist');
    const result = await runCli(['build', '--repo', path.join(FIXTURES, 'prometheus-operator__runbooks'), '--out', out, '--work-dir', path.join(scratch, 'prometheus-operator', 'work')]);
    expect(result.code, result.stderr).toBe(0);
    const page = await readFile(path.join(out, 'runbooks', 'kubepodcrashlooping', 'index.html'), 'utf8');
    expect(page).toMatch(/<h1[^>]*>Kube Pod Crash Looping<\/h1>/);
    expect(page).toMatch(/data-pagefind-filter="alert">KubePodCrashLooping</);
    expect(page).toMatch(/<dt>Sections<\/dt><dd>Meaning, Impact, Diagnosis, Mitigation<\/dd>/);
  });

  it('publishes the images ADRs show, and the pages point at them', async () => {
    const out = path.join(scratch, 'alphagov__govuk-aws', 'dist');
    const page = await readFile(path.join(out, 'adr', '0015-dns-infrastructure', 'index.html'), 'utf8');
    const src = /<img src="(\/assets\/[^"]+\.jpg)"/.exec(page)?.[1];
    expect(src).toBeDefined();
    expect(existsSync(path.join(out, src!))).toBe(true);
    expect((await readdir(path.join(out, 'assets'))).length).toBe(4);
  });
});
