import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PublishedReportSchema } from '../../scripts/report/build-report.ts';
import { listPages } from '../helpers/site-pages.ts';
import { runCli } from '../helpers/run-cli.ts';
import { searchSite, useServedSite } from '../helpers/served-site.ts';

const site = inject('demoSite');
const html = (page: string) => readFile(path.join(site, page, 'index.html'), 'utf8');
/** The markup of a page's sidebar (Starlight's main navigation). */
const sidebarOf = (page: string) => /<nav[^>]*aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';

describe('the demo service site', () => {
  it('has a home page that shows the service overview from the README', async () => {
    const home = await html('');
    expect(home).toContain('<title>Blue Badge applications');
    expect(home).toContain('2.4.0');
    expect(home).toMatch(/Where to start/);
    expect(home).toMatch(/An API that handles applications for Blue Badges/);
  });

  it('has one page per ADR with its title and status', async () => {
    const pages = (await listPages(site)).filter((page) => /^\/adr\/.+\//.test(page));
    expect(pages).toHaveLength(7);
    const superseded = await html('adr/0002-use-postgresql-sessions-for-applicant-login');
    expect(superseded).toMatch(/<h1[^>]*>Use PostgreSQL sessions for applicant login<\/h1>/);
    expect(superseded).toMatch(/handover-status--superseded[^>]*>Superseded</);
    expect(superseded).toMatch(/superseded by <a href="\/adr\/0005-use-gov-uk-one-login-for-applicant-identity\/">ADR 5: Use GOV.UK One Login/);
    const successor = await html('adr/0005-use-gov-uk-one-login-for-applicant-identity');
    expect(successor).toMatch(/handover-status--accepted[^>]*>Accepted</);
    expect(successor).toMatch(/<dt>Supersedes<\/dt>/);
  });

  it('lists every ADR in the index with number, title, status and date', async () => {
    const index = await html('adr');
    const rows = [...index.matchAll(/<tr [^>]*><td>(\d+)<\/td><td><a href="([^"]+)">([^<]+)<\/a>.*?handover-status--(\w+).*?<time datetime="([\d-]+)"/g)];
    expect(rows.map((row) => [Number(row[1]), row[4]])).toEqual([
      [1, 'accepted'], [2, 'superseded'], [3, 'accepted'], [4, 'accepted'], [5, 'accepted'], [6, 'rejected'], [7, 'proposed'],
    ]);
    expect(rows[0]![2]).toBe('/adr/0001-record-architecture-decisions/');
  });

  it('draws the decision graph and a timeline on the ADR index', async () => {
    const index = await html('adr');
    expect(index).toMatch(/<h2 id="decision-graph">/);
    expect(index).toMatch(/<figure class="handover-diagram"[^>]*><svg /);
    expect(index).toMatch(/5\. Use GOV\.UK One Login for applicant identity<\/a> supersedes <a href="\/adr\/0002-use-postgresql-sessions-for-applicant-login\/">/);
    expect([...index.matchAll(/<h3 id="timeline-(\d{4})">/g)].map((match) => match[1])).toEqual(['2023', '2024', '2026']);
  });

  it('has an Operations section where every alert links to its runbook in one click, or says it has none', async () => {
    const alerts = await html('alerts');
    const rows = [...alerts.matchAll(/<tr id="([^"]+)" data-severity="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(rows).toHaveLength(7);
    expect(alerts).toContain('7 alerts, <strong>1 without a runbook</strong>');
    for (const [, id, , cells] of rows) {
      // The demo seeds one alert without a runbook, for the readiness check to find.
      if (id === 'badgeprintfilerejected') expect(cells).toContain('<strong class="handover-warning">No runbook</strong>');
      else expect(cells, id).toMatch(/<a href="\/runbooks\/[^"]+\/">/);
    }
    const runbooks = (await listPages(site)).filter((page) => /^\/runbooks\/.+\//.test(page));
    expect(runbooks).toHaveLength(6);
    const runbook = await html('runbooks/notify-outage');
    expect(runbook).toMatch(/<a href="\/alerts\/#notifydeliveryfailures" data-pagefind-filter="alert">NotifyDeliveryFailures<\/a>/);
    expect(runbook).toContain('@example-council/blue-badge-team');
    expect(runbook).toMatch(/Review due soon<\/span> due <time datetime="2026-12-01">/);
  });

  it('has a Debt section: the register with its ADR links, item pages, charts and the markers in code', async () => {
    const register = await html('debt');
    expect([...register.matchAll(/<tr data-status=/g)]).toHaveLength(6);
    expect(register).toMatch(/<a href="\/debt\/td-001\/">TD-001: Synchronous GOV.UK Notify calls in the request path<\/a>/);
    expect(register).toMatch(/<a href="\/adr\/0004-accept-technical-debt-synchronous-notify-calls\/">ADR 4<\/a>/);
    expect(register).toMatch(/<svg role="img" aria-labelledby="chart-open-debt-by-impact-title"/);
    expect(await html('debt/td-003')).toMatch(/<dt>Markers in code<\/dt><dd>[\s\S]*src\/domain\/badge\.ts:62/);
    const item = await html('debt/td-006');
    expect(item).toMatch(/<dt>Decision<\/dt><dd><a href="\/adr\/0007-version-eligibility-rules-as-data\/">ADR 7: /);
    const adr = await html('adr/0004-accept-technical-debt-synchronous-notify-calls');
    expect(adr).toMatch(/<dt>Debt taken on<\/dt>[\s\S]*TD-001: Synchronous GOV.UK Notify calls[\s\S]*TD-004: /);
    const markers = await html('debt/code-markers');
    expect(markers).toMatch(/<h2 id="file-src-domain-badge-ts"><code>src\/domain\/badge.ts<\/code><\/h2>/);
    expect(markers).toMatch(/<code>FIXME<\/code>/);
    expect(markers).toMatch(/<code>HACK<\/code>/);
  });

  it('has an API reference: a page per module, a section per exported symbol, and coverage', async () => {
    const index = await html('api');
    expect(index).toMatch(/\d+ exported symbols in 10 modules; \d+ \(\d+%\) have a doc comment/);
    const badge = await html('api/domain-badge');
    expect(badge).toMatch(/<h2 id="calculateexpiry">calculateExpiry<\/h2>/);
    expect(badge).toContain('Calculates the expiry date for a new badge.');
    expect(badge).toMatch(/<a href="\/api\/domain-badge\/#badge_validity_years"><code[^>]*>BADGE_VALIDITY_YEARS<\/code><\/a>/);
    expect(badge).toMatch(/Deprecated\.<\/strong> Use <a href="\/api\/domain-badge\/#generatebadgenumber">/);
    const application = await html('api/domain-application');
    expect(application).toMatch(/<dt>No doc comment<\/dt><dd><code>isTerminalStatus<\/code><\/dd>/);
    // A symbol named in backticks in an ADR links to its API page.
    expect(await html('adr/0007-version-eligibility-rules-as-data')).toMatch(/<a href="\/api\/domain-eligibility\/#criteria_version"><code[^>]*>CRITERIA_VERSION<\/code><\/a>/);
  });

  it('has session packs and a sign-off sheet from the config and the sections present', async () => {
    const agenda = await html('sessions');
    expect(agenda).toMatch(/<a href="\/sessions\/why-it-is-built-this-way\/">Why it is built this way<\/a>/);
    const pack = await html('sessions/running-it-at-3am');
    expect(pack).toContain('A live drill on the staging environment');
    expect(pack).toMatch(/<a href="\/training\/01-first-week-on-call\/">Your first week on call<\/a>/);
    expect(pack).toContain('Receiving team on-call rota');
    const signOff = await html('sign-off');
    for (const area of ['Architecture decisions', 'Runbooks', 'Alerts', 'Technical debt', 'API', 'Training', 'Handover sessions']) expect(signOff).toContain(`>${area}</a>`);
  });

  it('shows contacts and code owners on the home page', async () => {
    const home = await html('');
    expect(home).toMatch(/<h2 id="contacts">Contacts<\/h2>/);
    expect(home).toContain('#blue-badge-incidents');
    expect(home).toMatch(/<h2 id="ownership">Who owns what<\/h2>/);
    expect(home).toContain('<code>/docs/runbooks/</code>');
  });

  it('keeps the sidebar to section links, not one link per document', async () => {
    const sidebar = sidebarOf(await html('adr/0001-record-architecture-decisions'));
    expect([...sidebar.matchAll(/<a href="\/[^"]*"/g)].map((link) => link[0])).toEqual(['<a href="/"', '<a href="/readiness/"', '<a href="/adr/"', '<a href="/runbooks/"', '<a href="/alerts/"', '<a href="/api/"', '<a href="/training/"', '<a href="/sessions/"', '<a href="/sign-off/"', '<a href="/debt/"', '<a href="/debt/code-markers/"', '<a href="/releases/"']);
  });

  it('marks the page itself as current in the sidebar, and only it, on every page', async () => {
    // Astro renders pages four at a time; Starlight's shared sidebar once let a register mark
    // another section as current (site/components/HandoverPage.astro).
    const pages = await listPages(site);
    const marked: Record<string, string[]> = {};
    for (const page of pages) {
      const sidebar = sidebarOf(await readFile(path.join(site, page, page.endsWith('/') ? 'index.html' : ''), 'utf8'));
      const current = [...sidebar.matchAll(/<a href="([^"]*)"[^>]*aria-current="page"/g)].map((link) => link[1]!);
      if (current.length > 0) marked[page] = current;
    }
    expect(Object.keys(marked)).toEqual(expect.arrayContaining(['/', '/adr/', '/alerts/', '/api/', '/runbooks/', '/debt/', '/sessions/', '/sign-off/']));
    for (const [page, current] of Object.entries(marked)) expect(current, page).toEqual([page]);
  });

  it('stamps every page with the release, and lists the changelog on /releases/', async () => {
    for (const page of ['', 'adr/0001-record-architecture-decisions', 'debt']) {
      // No .git in the demo folder: the version is package.json's, the date the build's (HANDOVER_TODAY).
      expect(await html(page), page).toMatch(/<p class="handover-release-stamp[^"]*"><a href="\/releases\/"[^>]*>Release 2\.4\.0<\/a> · <time datetime="2026-11-27"/);
    }
    const releases = await html('releases');
    expect([...releases.matchAll(/<h2 id="(?!starlight__)([^"]+)">([^<]+)<\/h2>/g)].map((match) => match[2])).toEqual(['Unreleased', '2.4.0', '2.3.0', '2.2.0', '2.0.0']);
    expect(releases).toContain('Released 2023-10-16');
    expect(releases).toMatch(/<h3 id="known-issues">Known issues<\/h3>/);
    // Links in the changelog go to the site's pages, and `{id}` in the changelog is shown as text.
    expect(releases).toMatch(/<a href="\/adr\/0005-use-gov-uk-one-login-for-applicant-identity\/">ADR 5<\/a>/);
    expect(releases).toMatch(/<a href="\/debt\/">TD-006<\/a>/);
    expect(releases).toContain('/applications/{id}/timeline');
    const report = PublishedReportSchema.parse(JSON.parse(await readFile(path.join(site, 'handover-report.json'), 'utf8')));
    expect(report.files.find((file) => file.path === 'CHANGELOG.md')).toMatchObject({ source: 'release', outcome: 'record', records: ['unreleased', '2-4-0', '2-3-0', '2-2-0', '2-0-0'] });
  });

  it('renders Mermaid diagrams to inline SVG at build time', async () => {
    const page = await html('adr/0003-queue-evidence-scanning-with-sqs');
    expect(page).toMatch(/<figure class="handover-diagram"><svg [^>]*aria-roledescription="sequence"/);
    expect(page).not.toContain('language-mermaid');
  });

  it('shows service-repo text with < and { literally', async () => {
    const page = await html('adr/0003-queue-evidence-scanning-with-sqs');
    expect(page).toContain('&lt;council-code&gt;');
    expect(page).toContain('{applicationId}');
  });

  it('writes a build report accounting for every file the sources looked at', async () => {
    const report = PublishedReportSchema.parse(JSON.parse(await readFile(path.join(site, 'handover-report.json'), 'utf8')));
    expect(report.counts.adr).toBe(7);
    expect(report.files.filter((file) => file.source === 'adr').map((file) => [file.path.replace('docs/adr/', ''), file.outcome])).toEqual([
      ['0001-record-architecture-decisions.md', 'record'],
      ['0002-use-postgresql-sessions-for-applicant-login.md', 'record'],
      ['0003-queue-evidence-scanning-with-sqs.md', 'record'],
      ['0004-accept-technical-debt-synchronous-notify-calls.md', 'record'],
      ['0005-use-gov-uk-one-login-for-applicant-identity.md', 'record'],
      ['0006-publish-application-events-to-a-shared-council-event-bus.md', 'record'],
      ['0007-version-eligibility-rules-as-data.md', 'record'],
      ['README.md', 'skipped'],
      ['template.md', 'skipped'],
    ]);
    expect(report.summary.errors).toBe(0);
  });

  it('is deterministic: a second build from other work folders is byte-identical', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'handover-again-'));
    try {
      const out = path.join(scratch, 'dist');
      const result = await runCli(['build', '--out', out, '--work-dir', path.join(scratch, 'work')]);
      expect(result.code).toBe(0);
      const files = (await readdir(site, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(site, path.join(entry.parentPath, entry.name))).sort();
      const again = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(out, path.join(entry.parentPath, entry.name))).sort();
      expect(again).toEqual(files);
      for (const file of files) {
        const [first, second] = await Promise.all([readFile(path.join(site, file)), readFile(path.join(out, file))]);
        if (!second.equals(first)) {
          const at = [...first].findIndex((byte, index) => byte !== second[index]);
          expect.fail(`${file} differs between builds at byte ${at}: "${first.subarray(Math.max(0, at - 80), at + 80).toString()}" vs "${second.subarray(Math.max(0, at - 80), at + 80).toString()}"`);
        }
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  describe('search', () => {
    const served = useServedSite(site);

    it('has a Pagefind index that finds an ADR by a word only it contains', async () => {
      expect(existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
      const urls = await searchSite(served, 'ClamAV');
      expect(urls[0]).toBe('/adr/0003-queue-evidence-scanning-with-sqs/');
    });

    it('finds an API symbol by its name', async () => {
      const urls = await searchSite(served, 'generateBadgeNumber');
      expect(urls[0]).toBe('/api/domain-badge/');
    });

    it('finds a runbook by the name of an alert it covers', async () => {
      const urls = await searchSite(served, 'ExpiryReminderJobNotRun');
      expect(urls).toContain('/runbooks/expiry-reminder-job/');
    });
  });
});
