import { chromium, type Browser } from 'playwright-core';
import { findChromium, type ChromiumLocation } from './find-chromium.ts';

/** Launches a headless Chromium found by `findChromium`, or returns null when there is none. */
export async function launchChromium(): Promise<{ browser: Browser; location: ChromiumLocation } | null> {
  const location = await findChromium();
  if (!location) return null;
  const browser = await chromium.launch({ executablePath: location.executablePath, args: location.args, headless: true });
  return { browser, location };
}
