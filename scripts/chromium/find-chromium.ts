import { access, constants } from 'node:fs/promises';

/** A Chromium that playwright-core can launch, and where it was found. */
export interface ChromiumLocation {
  executablePath: string;
  args: string[];
  /** `env` (HANDOVER_CHROMIUM), `system` or `bundled` (@sparticuz/chromium). */
  origin: 'env' | 'system' | 'bundled';
}

/** Flags this workplace's Chromium needs: no sandbox as root, and no calls home on a closed network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Finds a Chromium: `HANDOVER_CHROMIUM`, then a system Chrome or Chromium, then the one bundled
 * in `@sparticuz/chromium` (Linux only). Null when none can run here.
 */
export async function findChromium(): Promise<ChromiumLocation | null> {
  const fromEnv = process.env.HANDOVER_CHROMIUM;
  if (fromEnv && (await isExecutable(fromEnv))) return { executablePath: fromEnv, args: CHROMIUM_FLAGS, origin: 'env' };
  for (const candidate of SYSTEM_CHROMIUMS) {
    if (await isExecutable(candidate)) return { executablePath: candidate, args: CHROMIUM_FLAGS, origin: 'system' };
  }
  if (process.platform !== 'linux') return null;
  try {
    const { default: bundled } = await import('@sparticuz/chromium');
    const executablePath = await bundled.executablePath();
    // Not `bundled.args`: they are tuned for AWS Lambda (`--single-process`, which breaks a second
    // browser context, and `--disable-web-security`). Our flags work for the bundled build too.
    return { executablePath, args: CHROMIUM_FLAGS, origin: 'bundled' };
  } catch {
    return null;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(() => true, () => false);
}
