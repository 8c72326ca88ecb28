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
let browser: Browser;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-dev-'));
  browser = await openBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A running `handover dev` on a fresh copy of the demo, with its work dir at `workDir` (relative to the scratch folder). */
class DevServer {
  output = '';
  readonly name: string;
  readonly workDir: string;
  #child: ChildProcess | undefined;
  #siteUrl: string | undefined;

  constructor(name: string, workDir: string) {
    this.name = name;
    this.workDir = workDir;
  }

  /** The copy of the demo it serves (the scratch folder exists once the file's beforeAll ran). */
  get repoRoot(): string {
    return path.join(scratch, this.name, 'repo');
  }

  get siteUrl(): string {
    return this.#siteUrl!;
  }

  async start(): Promise<void> {
    await cp(path.join(PROJECT_ROOT, 'examples', 'demo-service'), this.repoRoot, { recursive: true });
    // Port 0 is not Astro's: it takes the first free port from 4321 and prints the URL it serves.
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'handover.js'), 'dev', '--repo', this.repoRoot, '--work-dir', path.join(scratch, this.name, this.workDir)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CI: '1', HANDOVER_TODAY: '2026-11-27', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    const served = () => /Local\s+(http:\/\/localhost:\d+\/)/.exec(this.output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
    await this.until(() => served() !== undefined, 'serving');
    this.#siteUrl = served()!;
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGINT');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  /** Waits until `check` holds, failing with the dev server's last output. */
  async until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error(`handover dev: ${what} did not happen within ${timeoutMs / 1000}s. Its output:\n${this.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

// The second layout is an installed Handover's default work dir (node_modules/handover/content/
// generated), which Vite's watcher never looks into: its edits once never showed.
describe.each([
  ['a work dir of its own', 'work'],
  ['a work dir inside a node_modules folder', path.join('node_modules', 'handover-work')],
])('handover dev, with %s', (name, workDir) => {
  const dev = new DevServer(name.replace(/\W+/g, '-'), workDir);
  beforeAll(() => dev.start(), 180_000);
  afterAll(() => dev.stop(), 20_000);

  it('shows an edit to an ADR in an open browser page, body first and then its title', async () => {
    const url = `${dev.siteUrl}adr/0003-queue-evidence-scanning-with-sqs/`;
    await dev.until(async () => (await fetch(url).catch(() => null))?.ok === true, 'serving the ADR page');
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.locator('h1').first().textContent()).toContain('Queue evidence scanning with SQS');

    const original = await readFile(path.join(dev.repoRoot, ADR), 'utf8');
    const edited = original
      .replace('# 3. Queue evidence scanning with SQS', '# 3. Queue evidence scanning with SQS and a dead-letter queue')
      .replace('## Context', '## Context\n\nThis sentence was added while handover dev ran.');
    await writeFile(path.join(dev.repoRoot, ADR), edited);
    await page.waitForFunction(() => document.body?.textContent?.includes('This sentence was added while handover dev ran.') ?? false, null, { polling: 100, timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('and a dead-letter queue') ?? false, null, { polling: 100, timeout: 60_000 });
    expect(dev.output).toMatch(/content regenerated in/);
    await page.close();
  }, 180_000);
});
