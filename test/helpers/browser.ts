import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium/launch-chromium.ts';

/** Launches the shared headless Chromium for browser tests; fails with a clear reason if none. */
export async function openBrowser(): Promise<Browser> {
  const launched = await launchChromium();
  if (!launched) {
    throw new Error('No Chromium found for browser tests: install chromium, set HANDOVER_CHROMIUM, or run `npm ci` on Linux (it brings @sparticuz/chromium).');
  }
  return launched.browser;
}
