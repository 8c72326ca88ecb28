import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../helpers/browser.ts';
import { prepareHostileRepo } from '../helpers/hostile-repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { listPages } from '../helpers/site-pages.ts';
import { serveFolder } from '../helpers/static-server.ts';

/**
 * Runs before any page script: any way the hostile corpus could run code ends up calling one of
 * these (or setting `__pwned`, which every payload in the corpus does), and is recorded.
 */
const TRAP = `(() => {
  const calls = [];
  Object.defineProperty(window, '__trapCalls', { value: calls });
  Object.defineProperty(window, '__pwned', { configurable: false, get: () => undefined, set: (value) => calls.push('__pwned=' + value) });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => { calls.push(name + '(' + args.join(',') + ')'); };
  const open = window.open;
  window.open = (...args) => { calls.push('open(' + args.join(',') + ')'); return null; };
  void open;
})();`;

let scratch: string;
let browser: Browser;
let origin: string;
let closeServer: () => Promise<void>;
let pages: string[];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-hostile-e2e-'));
  const repo = await prepareHostileRepo(scratch);
  const out = path.join(scratch, 'dist');
  const build = await runCli(['build', '--repo', repo, '--out', out, '--work-dir', path.join(scratch, 'work')]);
  if (build.code !== 0) throw new Error(`The hostile build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
  pages = (await listPages(out)).filter((page) => !page.endsWith('.html'));
  const [opened, server] = await Promise.all([openBrowser(), serveFolder(out)]);
  browser = opened;
  origin = server.url;
  closeServer = server.close;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
  await rm(scratch, { recursive: true, force: true });
});

/** A browser context that records every sign of code running, and blocks every other origin. */
async function trappedContext(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; fired: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const fired: string[] = [];
  await context.addInitScript(TRAP);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:image/')) return route.continue();
    // Repo images on the repository host are expected; anything else is content loading code.
    if (!url.startsWith('https://github.com/example/hostile-service/')) fired.push(`request to ${url}`);
    return route.abort();
  });
  return { context, fired };
}

describe('every page of the hostile build in Chromium', () => {
  it('the trap catches a payload (a control: a passing test below means something)', async () => {
    const { context } = await trappedContext(true);
    const page = await context.newPage();
    await page.goto(`${origin}/404.html`);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned = \'control\'; alert(1)">');
    });
    await page.waitForFunction(() => (window as unknown as { __trapCalls: string[] }).__trapCalls.length >= 2);
    expect(await page.evaluate(() => (window as unknown as { __trapCalls: string[] }).__trapCalls)).toEqual(['__pwned=control', 'alert(1)']);
    await context.close();
  });

  it('runs no script from the repository: no dialog, no trap, no error, no handler, no script link', async () => {
    const { context, fired } = await trappedContext(true);
    const page = await context.newPage();
    let current = '';
    page.on('dialog', (dialog) => {
      fired.push(`dialog on ${current}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => fired.push(`page error on ${current}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) fired.push(`console error on ${current}: ${message.text()}`);
    });
    for (const pathname of pages) {
      current = pathname;
      await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname, `${pathname} navigated away`).toBe(pathname);
      const found = await page.evaluate(() => {
        const problems: string[] = [];
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) problems.push(`${attribute.name} on <${element.localName}>`);
            if (/href|src|action/i.test(attribute.name) && /^(javascript|vbscript|data:text)/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${attribute.name}=${attribute.value}`);
          }
        }
        // The quiz's own form (built by Handover's script, no action) is the only form allowed.
        for (const tag of ['iframe', 'object', 'embed', 'form:not(.handover-quiz-form)', 'form[action]', 'base', 'meta[http-equiv]']) if (document.querySelector(tag)) problems.push(tag);
        return { problems, calls: (window as unknown as { __trapCalls: string[] }).__trapCalls };
      });
      fired.push(...found.problems.map((problem) => `${pathname}: ${problem}`), ...found.calls.map((call) => `${pathname}: ${call}`));
      // Fire the events content could have wired up on everything in the content (handlers are
      // checked above; this catches anything that acts on interaction). Links are not followed.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll('main *')) {
          for (const type of ['mouseover', 'mouseenter', 'focus', 'error', 'load', 'toggle']) element.dispatchEvent(new Event(type));
          if (!element.closest('a, button, summary, input, label')) element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        }
      });
      for (const link of await page.locator('main a[href]').all()) {
        const href = (await link.getAttribute('href')) ?? '';
        if (/^(https?:|\/|#|\.)/i.test(href) || href === '') continue;
        fired.push(`${pathname}: link with href ${href}`);
        await link.click({ timeout: 1000 }).catch(() => undefined);
      }
      const after = await page.evaluate(() => (window as unknown as { __trapCalls: string[] }).__trapCalls);
      fired.push(...after.filter((call) => !found.calls.includes(call)).map((call) => `${pathname} after interaction: ${call}`));
    }
    await context.close();
    expect(fired).toEqual([]);
    expect(pages.length).toBeGreaterThan(30);
  }, 180_000);

  it('with JavaScript disabled, no page redirects or loads anything from another origin', async () => {
    const { context, fired } = await trappedContext(false);
    const page = await context.newPage();
    for (const pathname of pages) {
      await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
      // A meta refresh fires after load; give it a moment.
      await page.waitForTimeout(50);
      if (new URL(page.url()).pathname !== pathname) fired.push(`${pathname} redirected to ${page.url()}`);
    }
    await context.close();
    expect(fired).toEqual([]);
  });
});
