import type { Locator, Page } from 'playwright-core';

/**
 * Searches as a reader does, from the keyboard: waits for the search button, presses Ctrl+K,
 * types the query, and returns the first result linking to `resultPath` once it shows.
 */
export async function searchFor(page: Page, query: string, resultPath: string): Promise<Locator> {
  // The button is enabled once the search script has loaded.
  await page.locator('button[data-open-modal]:not([disabled])').waitFor();
  await page.keyboard.press('Control+k');
  const input = page.locator('dialog[open] input[type="search"], dialog[open] input[type="text"]').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
  const result = page.locator(`dialog a[href*="${resultPath}"]`).first();
  await result.waitFor({ state: 'visible', timeout: 15_000 });
  return result;
}
