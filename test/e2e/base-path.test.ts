import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../helpers/browser.ts';
import { crawlSite } from '../helpers/crawl-site.ts';
import { runCli } from '../helpers/run-cli.ts';
import { searchFor } from '../helpers/search-page.ts';
import { checkHtmlUrls } from '../helpers/scan-html-urls.ts';
import { listPages } from '../helpers/site-pages.ts';
import { serveFolder } from '../helpers/static-server.ts';

// The demo service built for a sub-path, served only under that sub-path: every link, asset,
// script and search request must stay inside it.
const BASE = '/svc/';
const SITE_URL = 'https://example.org';

let scratch: string;
let out: string;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-base-'));
  out = path.join(scratch, 'dist');
  const [result, opened] = await Promise.all([
    runCli(['build', '--out', out, '--work-dir', path.join(scratch, 'work'), '--base', BASE, '--site-url', SITE_URL]),
    openBrowser(),
  ]);
  browser = opened;
  if (result.code !== 0) throw new Error(`Building the demo under ${BASE} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  server = await serveFolder(out, { mount: BASE });
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe(`a site built with --base ${BASE}`, () => {
  it('keeps every static URL of every page under the base, naming files that exist', async () => {
    expect(await checkHtmlUrls(out, SITE_URL, BASE)).toEqual([]);
    const sitemaps = (await readdir(out)).filter((file) => /^sitemap.*\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) {
      const locations = [...(await readFile(path.join(out, sitemap), 'utf8')).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
      expect(locations.filter((location) => !location!.startsWith(`${SITE_URL}${BASE}`)), sitemap).toEqual([]);
    }
  });

  it('keeps every link and request of every page, and of a search, under the base, with no 404', async () => {
    const pages = (await listPages(out)).map((page) => `${BASE}${page.slice(1)}`);
    const crawl = await crawlSite(browser, server.url, BASE, [BASE, ...pages.filter((page) => page !== BASE)]);
    try {
      expect(crawl.visited.length).toBeGreaterThanOrEqual(pages.length);
      const { page } = crawl;
      await page.goto(`${server.url}${BASE}`);
      const result = await searchFor(page, 'ClamAV', '/adr/0003-queue-evidence-scanning-with-sqs/');
      expect(new URL((await result.getAttribute('href'))!, server.url).pathname).toBe(`${BASE}adr/0003-queue-evidence-scanning-with-sqs/`);
      await result.click();
      await page.waitForURL(/\/svc\/adr\/0003-queue-evidence-scanning-with-sqs\//);
      expect(crawl.requests.some((url) => url.includes(`${BASE}pagefind/`))).toBe(true);
      expect(crawl.problems).toEqual([]);
    } finally {
      await crawl.close();
    }
  });
});
