import type { Browser, Page } from 'playwright-core';

/** What a crawl of a served site saw: pages visited, every request, and every problem. */
export interface CrawlResult {
  visited: string[];
  requests: string[];
  problems: string[];
}

/**
 * Visits `start` and every same-origin page linked from a visited page (plus `extra` pages), one
 * at a time in one browser page, recording every request. A request or same-origin link outside
 * `scope` (a path prefix such as `/svc/`), a 4xx/5xx response and a failed request are problems.
 * Requests to other origins are blocked (tests run offline) and reported.
 */
export async function crawlSite(browser: Browser, origin: string, scope: string, start: string[]): Promise<CrawlResult & { page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  let current = '';
  const note = (problem: string) => problems.push(`${problem} (on ${current})`);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith(`${origin}/`)) return route.continue();
    note(`request to another origin: ${url}`);
    return route.abort();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) return;
    requests.push(url);
    if (url.startsWith(`${origin}/`) && !new URL(url).pathname.startsWith(scope)) note(`request outside ${scope}: ${url}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) note(`${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: a script still loading when the crawl moves on to the next page.
    if (request.url().startsWith(`${origin}/`) && request.failure()?.errorText !== 'net::ERR_ABORTED') note(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });

  const queue = [...start];
  const seen = new Set(queue);
  const visited: string[] = [];
  while (queue.length > 0) {
    const pathname = queue.shift()!;
    current = pathname;
    visited.push(pathname);
    await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
    const links = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const link of links) {
      if (!link.startsWith(`${origin}/`)) continue;
      const target = new URL(link).pathname;
      if (!target.startsWith(scope)) {
        note(`link outside ${scope}: ${link}`);
        continue;
      }
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  current = '(after the crawl)';
  return { visited, requests, problems, page, close: () => context.close() };
}
