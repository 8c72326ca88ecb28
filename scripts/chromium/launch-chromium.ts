import type { Browser } from 'playwright-core';
import { findChromium, type ChromiumLocation } from './find-chromium.ts';

/** Launches a headless Chromium found by `findChromium`, or returns null when there is none. */
export async function launchChromium(): Promise<{ browser: Browser; location: ChromiumLocation } | null> {
  const location = await findChromium();
  if (!location) return null;
  // Loaded here: playwright-core takes 0.5 s to load, and most builds (every diagram cached) never launch a browser.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: location.executablePath, args: location.args, headless: true });
  return { browser, location };
}
