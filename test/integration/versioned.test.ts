import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequire } from 'node:module';
import { openBrowser } from '../helpers/browser.ts';
import { runCli } from '../helpers/run-cli.ts';
import { serveFolder } from '../helpers/static-server.ts';

// Two releases of the demo: 1.0.0, then 1.1.0 keeping 1.0.0 from the first build's output.
let scratch: string;
let site: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-versioned-'));
  const work = path.join(scratch, 'work');
  const first = await runCli(['build', '--versioned', '--version', '1.0.0', '--base', '/svc/', '--out', path.join(scratch, 'first'), '--work-dir', work]);
  if (first.code !== 0) throw new Error(`Building 1.0.0 failed (exit ${first.code}):\n${first.stdout}\n${first.stderr}`);
  site = path.join(scratch, 'second');
  const second = await runCli(['build', '--versioned', '--version', '1.1.0', '--previous', path.join(scratch, 'first'), '--base', '/svc/', '--out', site, '--work-dir', work]);
  if (second.code !== 0) throw new Error(`Building 1.1.0 failed (exit ${second.code}):\n${second.stdout}\n${second.stderr}`);
}, 300_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('handover build --versioned', () => {
  it('keeps both versions, lists them newest first, and points latest/ at the newest', async () => {
    expect((await readdir(site)).sort()).toEqual(['1.0.0', '1.1.0', 'index.html', 'latest', 'versions.json']);
    expect(JSON.parse(await readFile(path.join(site, 'versions.json'), 'utf8'))).toEqual({ latest: '1.1.0', versions: ['1.1.0', '1.0.0'] });
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=/svc/latest/">');
    const latestAdr = await readFile(path.join(site, 'latest', 'adr', 'index.html'), 'utf8');
    expect(latestAdr).toContain('<meta http-equiv="refresh" content="0; url=/svc/1.1.0/adr/">');
    expect(latestAdr).toContain('<a href="/svc/1.1.0/adr/">');
  });

  it('builds each version under its own base, with its own search index', async () => {
    const page = await readFile(path.join(site, '1.1.0', 'adr', 'index.html'), 'utf8');
    expect(page).toMatch(/href="\/svc\/1\.1\.0\/runbooks\/"/);
    expect(page).not.toMatch(/href="\/svc\/(adr|runbooks)\//);
    for (const version of ['1.0.0', '1.1.0']) {
      expect(existsSync(path.join(site, version, 'pagefind', 'pagefind.js'))).toBe(true);
      expect((await readdir(path.join(site, version, 'pagefind', 'fragment'))).length).toBeGreaterThan(20);
    }
    const script = (await readdir(path.join(site, '1.1.0', '_astro'))).filter((file) => file.endsWith('.js'));
    const bundles = await Promise.all(script.map((file) => readFile(path.join(site, '1.1.0', '_astro', file), 'utf8')));
    expect(bundles.some((text) => text.includes('/svc/1.1.0/'))).toBe(true);
  });

  it('shows a version switcher, made of links, on the pages of 1.1.0 that reaches 1.0.0 and latest', async () => {
    const page = await readFile(path.join(site, '1.1.0', 'adr', 'index.html'), 'utf8');
    const switcher = /<details class="handover-versions[^"]*">[\s\S]*?<\/details>/.exec(page)?.[0] ?? '';
    expect(switcher).toMatch(/<summary[^>]*>.*1\.1\.0<\/summary>/);
    expect(switcher).toMatch(/<a href="\/svc\/1\.0\.0\/"/);
    expect(switcher).toMatch(/<a href="\/svc\/latest\/"/);
    expect(switcher).toMatch(/<a href="\/svc\/1\.1\.0\/" aria-current="true"/);
  });

  it('shows no version switcher on a site that is not versioned', async () => {
    expect(await readFile(path.join(inject('demoSite'), 'adr', 'index.html'), 'utf8')).not.toContain('handover-versions');
  });
});

describe('the version switcher in a browser', () => {
  it('opens and follows by keyboard alone, and has no axe violations in either theme', async () => {
    const [browser, server] = await Promise.all([openBrowser(), serveFolder(site, { mount: '/svc/' })]);
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}/svc/1.1.0/adr/`);
        const summary = page.locator('header details.handover-versions summary').first();
        await summary.focus();
        await page.keyboard.press('Enter');
        expect(await page.locator('header details.handover-versions').first().getAttribute('open')).not.toBeNull();
        await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
        const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join('; ')))`)) as string[];
        expect(violations).toEqual([]);
        for (let step = 0; step < 3; step += 1) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/svc/1.0.0/');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/svc\/1\.0\.0\/$/);
        await context.close();
      }
    } finally {
      await Promise.all([browser.close(), server.close()]);
    }
  });
});
