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

/** URLs of the pages the site's Pagefind index returns for a query, best first. */
export async function searchSite(served: ServedSite, query: string): Promise<string[]> {
  const page = await served.browser.newPage();
  try {
    await page.goto(`${served.url}/`);
    // A string, so the test runner does not rewrite the browser's dynamic import().
    return (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search(${JSON.stringify(query)});
      return Promise.all(search.results.map(async (result) => (await result.data()).url));
    })()`)) as string[];
  } finally {
    await page.close();
  }
}
