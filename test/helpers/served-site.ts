import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser } from './browser.ts';
import { serveFolder } from './static-server.ts';

/** A built site served on localhost and a headless Chromium, for the tests of one file. */
export interface ServedSite {
  browser: Browser;
  url: string;
}

/** Serves `site` and opens a browser before the file's tests; closes both after them. */
export function useServedSite(site: string): ServedSite {
  const served = {} as ServedSite;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const [browser, server] = await Promise.all([openBrowser(), serveFolder(site)]);
    Object.assign(served, { browser, url: server.url });
    close = async () => {
      await Promise.all([browser.close(), server.close()]);
    };
  });
  afterAll(async () => {
    await close?.();
  });
  return served;
}
