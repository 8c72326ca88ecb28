import { describe, expect, inject, it } from 'vitest';
import { useServedSite } from '../helpers/served-site.ts';

const served = useServedSite(inject('demoSite'));
const MODULE = '/training/01-first-week-on-call/';

describe('training modules in a browser', () => {
  it('gives feedback on a quiz answer, and keeps progress across a reload', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}${MODULE}`);
    const quiz = page.locator('[data-quiz="1"]');
    await quiz.getByRole('radio').nth(0).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toBe('Not quite. The explanations are below.');
    await quiz.getByRole('radio').nth(1).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toBe('Correct.');
    await page.getByRole('button', { name: 'Mark this module as done' }).click();
    await page.reload();
    await expect(page.locator('[data-progress-status]').textContent()).resolves.toMatch(/^Done/);
    await expect(page.locator('[data-quiz="1"]').getByRole('status').textContent()).resolves.toBe('Answered correctly before.');
    await page.goto(`${served.url}/training/`);
    await expect(page.locator(`tr[data-module="01-first-week-on-call"] [data-module-progress]`).textContent()).resolves.toMatch(/^Done/);
    await expect(page.locator('[data-summary]').textContent()).resolves.toMatch(/^1 of 4 modules done/);
    await context.close();
  });

  it('keeps quiz answers and model answers reachable with JavaScript disabled', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}${MODULE}`);
    const option = page.locator('[data-quiz="1"] li[data-correct="true"] details');
    await option.locator('summary').click();
    await expect(option.locator('.handover-quiz-feedback').textContent()).resolves.toMatch(/^Correct\./);
    const answer = page.locator('.handover-exercise details');
    await answer.locator('summary').click();
    expect(await answer.getByText('we save the decision before calling Notify').isVisible()).toBe(true);
    await context.close();
  });
});

describe('presenting and printing', () => {
  it('moves between slides of the presenter view with the arrow keys', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}/present/01-first-week-on-call/`);
    const position = page.locator('[data-position]');
    await expect(position.textContent()).resolves.toMatch(/^Slide 1 of \d+$/);
    const total = Number((await position.textContent())!.match(/of (\d+)/)![1]);
    expect(total).toBeGreaterThan(4);
    await page.keyboard.press('ArrowRight');
    await expect(position.textContent()).resolves.toBe(`Slide 2 of ${total}`);
    await expect(page.locator('.slide:not([hidden]) h2').textContent()).resolves.toBe('1. What you are protecting');
    await page.keyboard.press('ArrowLeft');
    await expect(position.textContent()).resolves.toBe(`Slide 1 of ${total}`);
    await page.close();
  });

  it.each(['/sessions/', '/sessions/why-it-is-built-this-way/', '/sign-off/'])('prints %s on A4 without cut-off content', async (url) => {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}${url}`);
    await page.emulateMedia({ media: 'print' });
    // A4 is 210 mm wide; less 2 x 15 mm margins, 180 mm is about 680 CSS pixels.
    await page.setViewportSize({ width: 680, height: 1000 });
    const overflow = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > 681 && getComputedStyle(element).display !== 'none').map((element) => element.tagName));
    expect(overflow).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
