// `handover dev` end to end, as an author uses it: the dev server runs on a copy of the demo, a
// browser shows an ADR, and an edit to the ADR's Markdown shows in that browser without a manual
// reload: its body at once (the fast path), its title once the whole site is regenerated.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/run-cli.ts';

const ADR = 'docs/adr/0003-queue-evidence-scanning-with-sqs.md';
let scratch: string;
let repoRoot: string;
let browser: Browser;
let dev: ChildProcess;
let output = '';
let siteUrl: string;

/** Waits until `check` holds, failing with the dev server's last output. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`handover dev: ${what} did not happen within ${timeoutMs / 1000}s. Its output:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-dev-'));
  repoRoot = path.join(scratch, 'repo');
  await cp(path.join(PROJECT_ROOT, 'examples', 'demo-service'), repoRoot, { recursive: true });
  browser = await openBrowser();
  // Port 0 is not Astro's: it takes the first free port from 4321 and prints the URL it serves.
  dev = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'handover.js'), 'dev', '--repo', repoRoot, '--work-dir', path.join(scratch, 'work')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: '1', HANDOVER_TODAY: '2026-11-27', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const served = () => /Local\s+(http:\/\/localhost:\d+\/)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
  await until(() => served() !== undefined, 'serving');
  siteUrl = served()!;
}, 180_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const closed = new Promise((resolve) => dev.once('close', resolve));
    dev.kill('SIGINT');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (dev.exitCode === null) dev.kill('SIGKILL');
  }
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('handover dev', () => {
  it('shows an edit to an ADR in an open browser page, body first and then its title', async () => {
    const url = `${siteUrl}adr/0003-queue-evidence-scanning-with-sqs/`;
    await until(async () => (await fetch(url).catch(() => null))?.ok === true, 'serving the ADR page');
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.locator('h1').first().textContent()).toContain('Queue evidence scanning with SQS');

    const original = await readFile(path.join(repoRoot, ADR), 'utf8');
    const edited = original
      .replace('# 3. Queue evidence scanning with SQS', '# 3. Queue evidence scanning with SQS and a dead-letter queue')
      .replace('## Context', '## Context\n\nThis sentence was added while handover dev ran.');
    await writeFile(path.join(repoRoot, ADR), edited);
    await page.waitForFunction(() => document.body?.textContent?.includes('This sentence was added while handover dev ran.') ?? false, null, { polling: 100, timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('and a dead-letter queue') ?? false, null, { polling: 100, timeout: 60_000 });
    expect(output).toMatch(/content regenerated in/);
    await page.close();
  }, 180_000);
});
