import { describe, expect, inject, it } from 'vitest';
import { useServedSite } from '../helpers/served-site.ts';

const served = useServedSite(inject('demoSite'));

describe('page weight', () => {
  it('loads no Pagefind UI until the reader reaches for search, then opens it with the input focused', async () => {
    const page = await served.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${served.url}/adr/0003-queue-evidence-scanning-with-sqs/`, { waitUntil: 'networkidle' });
    // Starlight imports the UI when the browser is idle: give it time to have done so.
    await page.waitForTimeout(1000);
    expect(scripts.filter((script) => /ui-core/.test(script))).toEqual([]);

    await page.locator('button[data-open-modal]:not([disabled])').click();
    const input = page.locator('dialog[open] input').first();
    await input.waitFor({ state: 'visible' });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(scripts.some((script) => /ui-core/.test(script))).toBe(true);
    await page.close();
  });

  it('fills the search dialog a reader opens before the browser has been idle', async () => {
    const page = await served.browser.newPage();
    // A browser with no idle period: idle callbacks run only at their deadline, if they have one.
    await page.addInitScript(() => {
      window.requestIdleCallback = (callback, options) => window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), options?.timeout ?? 2 ** 31 - 1);
    });
    await page.goto(`${served.url}/adr/`);
    await page.locator('button[data-open-modal]:not([disabled])').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.locator('dialog[open] input').first();
    await input.waitFor({ state: 'visible', timeout: 5000 });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  });
});
