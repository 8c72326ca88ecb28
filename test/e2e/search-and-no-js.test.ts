import { describe, expect, inject, it } from 'vitest';
import { searchFor } from '../helpers/search-page.ts';
import { useServedSite } from '../helpers/served-site.ts';

const served = useServedSite(inject('demoSite'));

describe('in a browser', () => {
  it('searches from the home page with the keyboard and opens a result', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}/`);
    const result = await searchFor(page, 'ClamAV', '/adr/0003-queue-evidence-scanning-with-sqs/');
    await result.click();
    await page.waitForURL(/\/adr\/0003-queue-evidence-scanning-with-sqs\//);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Queue evidence scanning with SQS');
    await page.close();
  });

  it('shows an ADR page, its status and its diagram with JavaScript disabled', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}/adr/0003-queue-evidence-scanning-with-sqs/`);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Queue evidence scanning with SQS');
    expect(await page.locator('.handover-status').first().isVisible()).toBe(true);
    expect(await page.getByText('Applicants upload evidence').isVisible()).toBe(true);
    const diagram = page.locator('figure.handover-diagram svg');
    expect(await diagram.isVisible()).toBe(true);
    expect((await diagram.boundingBox())!.height).toBeGreaterThan(100);
    await context.close();
  });

  it('filters the ADR register by status and sorts it by date', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}/adr/`);
    await page.selectOption('#handover-status-filter', 'accepted');
    await expect(page.locator('[data-register-controls] [data-count]').textContent()).resolves.toBe('4 of 7 decisions shown.');
    await page.locator('th[data-sort-key="date"] button').click();
    await page.locator('th[data-sort-key="date"] button').click();
    expect(await page.locator('th[data-sort-key="date"]').getAttribute('aria-sort')).toBe('descending');
    const visibleNumbers = await page.locator('[data-table="register"] tbody tr:not([hidden]) td:first-child').allTextContents();
    expect(visibleNumbers).toEqual(['5', '4', '3', '1']);
    await page.close();
  });

  it('reaches every sidebar section by keyboard alone', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}/`);
    const reached = new Set<string>();
    for (let step = 0; step < 30; step += 1) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
      if (href) reached.add(href);
    }
    expect(reached).toContain('/adr/');
    await page.close();
  });

  it('links each heading to itself with an icon the stylesheet draws, shown when the link has focus', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}/adr/0003-queue-evidence-scanning-with-sqs/`);
    const link = page.locator('.sl-markdown-content h2#context + a.sl-anchor-link');
    expect(await link.getAttribute('href')).toBe('#context');
    // Named for screen readers; no SVG repeated in every heading.
    await expect(link.locator('.sr-only').textContent()).resolves.toBe('Section titled “Context”');
    expect(await page.locator('.sl-markdown-content .sl-heading-wrapper svg').count()).toBe(0);
    await link.focus();
    const icon = await link.locator('.sl-anchor-icon').evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return { width: box.width, height: box.height, mask: style.maskImage, shown: getComputedStyle(element.parentElement!).opacity };
    });
    expect(icon.width).toBeGreaterThan(10);
    expect(icon.height).toBe(16);
    expect(icon.mask).toMatch(/^url\("data:image\/svg\+xml/);
    expect(icon.shown).toBe('1');
    await link.press('Enter');
    await page.waitForURL(/#context$/);
    await page.close();
  });
});
