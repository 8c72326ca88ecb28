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
