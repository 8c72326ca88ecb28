// Figures about a built site: its size, the HTML bytes of a median page, and the JavaScript a
// reader's browser downloads on a typical page before opening search or a diagram (measured in a
// real headless Chromium, so scripts loaded on idle count too).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveFolder } from '../helpers/static-server.ts';
import { median } from './measure.ts';

export interface SiteSize {
  /** Bytes of every file in the output folder. */
  totalBytes: number;
  pages: number;
  /** Median bytes of the HTML pages (404 page left out). */
  medianHtmlBytes: number;
}

/** Sizes of a built site folder. */
export async function siteSize(dir: string): Promise<SiteSize> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let totalBytes = 0;
  const html: number[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = await stat(file);
    totalBytes += size;
    if (entry.name.endsWith('.html') && path.relative(dir, file) !== '404.html') html.push(size);
  }
  return { totalBytes, pages: html.length, medianHtmlBytes: median(html) };
}

export interface PageScripts {
  /** Uncompressed bytes of every script response the page loaded. */
  bytes: number;
  /** The same scripts gzipped, roughly what goes over the wire. */
  gzipBytes: number;
  /** Inline script bytes in the HTML (already counted in the page's HTML size, listed apart). */
  inlineBytes: number;
  files: string[];
}

/**
 * Opens `page` (a path under the site) in Chromium, waits until the network is idle and idle
 * callbacks have run, and adds up the JavaScript it fetched. The reader has not typed anything.
 */
export async function pageScripts(browser: Browser, dir: string, page: string): Promise<PageScripts> {
  const server = await serveFolder(dir);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const scripts = new Map<string, Buffer>();
  // Each body arrives after its response: all are awaited before counting (a large script, such as
  // default Starlight's search UI, could otherwise be left out of the sum).
  const bodies: Promise<void>[] = [];
  tab.on('response', (response) => {
    if (response.request().resourceType() !== 'script' && !/\.m?js(\?|$)/.test(response.url())) return;
    bodies.push(response.body().then((body) => void scripts.set(response.url(), body), () => {}));
  });
  try {
    await tab.goto(`${server.url}${page}`, { waitUntil: 'networkidle' });
    await tab.waitForTimeout(1500);
    await tab.waitForLoadState('networkidle');
    const inlineBytes = await tab.evaluate(() => [...document.querySelectorAll('script:not([src])')].reduce((sum, script) => sum + (script.textContent ?? '').length, 0));
    await Promise.all(bodies);
    const downloaded = [...scripts.values()];
    return {
      bytes: downloaded.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: downloaded.reduce((sum, body) => sum + gzipSync(body).length, 0),
      inlineBytes,
      files: [...scripts.keys()].map((url) => new URL(url).pathname),
    };
  } finally {
    await context.close();
    await server.close();
  }
}
