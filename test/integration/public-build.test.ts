import { cp, mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT, runCli, type CliResult } from '../helpers/run-cli.ts';

const RUNBOOK = 'docs/runbooks/database-failover.md';
const RUNBOOK_TITLE = 'Database unavailable or failing over';
const ADR = 'docs/adr/0006-publish-application-events-to-a-shared-council-event-bus.md';

let scratch: string;
let out: string;
let result: CliResult;

// A copy of the demo with one runbook internal by its front matter and one ADR by a config glob.
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-public-'));
  const repo = path.join(scratch, 'repo');
  await cp(path.join(PROJECT_ROOT, 'examples', 'demo-service'), repo, { recursive: true });
  const runbook = await readFile(path.join(repo, RUNBOOK), 'utf8');
  await writeFile(path.join(repo, RUNBOOK), runbook.replace(/^---\n/, '---\nvisibility: internal\n'));
  await appendFile(path.join(repo, 'handover.config.yaml'), '\nvisibility:\n  internal: ["docs/adr/0006-*.md"]\n');
  out = path.join(scratch, 'dist');
  result = await runCli(['build', '--public', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, 'work')]);
}, 180_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every file of a built site, by path relative to it. */
async function siteFiles(site: string, pattern: RegExp): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && pattern.test(entry.name)) files.set(path.relative(site, file), await readFile(file));
  }
  return files;
}

describe('handover build --public', () => {
  it('builds, and the report lists each excluded document with the reason', async () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(await readFile(path.join(out, 'handover-report.json'), 'utf8'));
    expect(report.excluded).toEqual([
      { path: ADR, reason: 'matches visibility.internal glob docs/adr/0006-*.md' },
      { path: RUNBOOK, reason: 'visibility: internal in its front matter' },
    ]);
    expect(report.files).toContainEqual(expect.objectContaining({ path: RUNBOOK, outcome: 'skipped', reason: expect.stringMatching(/^internal, left out of a --public build/) }));
    expect(report.diagnostics.filter((diagnostic: { file: string | null }) => diagnostic.file === RUNBOOK)).toEqual([]);
  });

  it('has no page for them, no link to them and no mention in any page or data file', async () => {
    await expect(readFile(path.join(out, 'runbooks', 'database-failover', 'index.html'))).rejects.toThrow();
    await expect(readFile(path.join(out, 'adr', '0006-publish-application-events-to-a-shared-council-event-bus', 'index.html'))).rejects.toThrow();
    const pages = await siteFiles(out, /\.(html|json|xml|txt|js)$/);
    expect(pages.size).toBeGreaterThan(20);
    for (const [file, bytes] of pages) {
      if (file === 'handover-report.json') continue;
      const text = bytes.toString('utf8');
      // The link from another runbook is kept as its text, "database-failover.md", not as a link.
      expect(text, file).not.toMatch(/runbooks\/database-failover\/|href="[^"]*database-failover|adr\/0006-/);
      expect(text, file).not.toContain(RUNBOOK_TITLE);
    }
    // The runbook that linked to it keeps the link's text; the alert says its runbook is not published.
    const errorRate = (await readFile(path.join(out, 'runbooks', 'bluebadgeapihigherrorrate', 'index.html'), 'utf8').catch(() => null))
      ?? (await readFile(path.join(out, 'runbooks', 'BlueBadgeApiHighErrorRate', 'index.html'), 'utf8'));
    expect(errorRate).toContain('see database-failover.md.');
    const alerts = await readFile(path.join(out, 'alerts', 'index.html'), 'utf8');
    expect(alerts).toContain('Internal runbook, not in this public site');
  });

  it('leaves them out of the search index', async () => {
    const fragments = await siteFiles(path.join(out, 'pagefind'), /\.pf_fragment$/);
    expect(fragments.size).toBeGreaterThan(10);
    const text = [...fragments.values()].map((bytes) => gunzipSync(bytes).toString('utf8')).join('\n');
    expect(text).toContain('runbooks/');
    expect(text).not.toContain(RUNBOOK_TITLE);
    expect(text).not.toContain('Publish application events to a shared council event bus');
  });

  it('a normal build of the same demo includes them', async () => {
    const demo = inject('demoSite');
    await expect(readFile(path.join(demo, 'runbooks', 'database-failover', 'index.html'), 'utf8')).resolves.toContain(RUNBOOK_TITLE);
  });
});
