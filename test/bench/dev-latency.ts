// Edit-to-browser latency of `handover dev`: open an ADR page in headless Chromium, change the ADR
// file in the service repo, and time until the new text shows in the open page (no manual reload:
// what the reader sees through live reload).
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { median } from './measure.ts';

const BIN = fileURLToPath(new URL('../../bin/handover.js', import.meta.url));

export interface DevLatency {
  /** Seconds from writing the file to the text showing, per edit. */
  edits: number[];
  median: number;
  /** Seconds from `handover dev` starting to the first page being served. */
  startSeconds: number;
}

/** Measures `edits` successive ADR edits against a running `handover dev` on `repo`. */
export async function measureDevLatency(browser: Browser, repo: string, workDir: string, options: { edits: number; port: number }): Promise<DevLatency> {
  await rm(workDir, { recursive: true, force: true });
  const adrFolder = path.join(repo, 'docs', 'adr');
  // The first ADR is a Nygard one (the generator rotates formats), with a plain `## Context`.
  const file = path.join(adrFolder, (await readdir(adrFolder)).filter((name) => name.endsWith('.md')).sort()[0]!);
  const original = await readFile(file, 'utf8');
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'dev', '--repo', repo, '--port', String(options.port), '--work-dir', workDir], {
    env: { ...process.env, CI: '1', HANDOVER_TODAY: '2026-11-27', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const id = path.basename(file, '.md').toLowerCase();
  const url = `http://localhost:${options.port}/adr/${id}/`;
  const context = await browser.newContext();
  try {
    await waitFor(async () => (await fetch(url).catch(() => null))?.ok === true, 180_000, () => `handover dev did not serve ${url}:\n${output.slice(-2000)}`);
    const startSeconds = (performance.now() - started) / 1000;
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const edits: number[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      const marker = `Benchmark edit number ${edit} landed.`;
      await writeFile(file, original.replace('## Context', `## Context\n\n${marker}`));
      const written = performance.now();
      await page.waitForFunction((text) => document.body?.textContent?.includes(text) ?? false, marker, { polling: 20, timeout: 60_000 });
      edits.push((performance.now() - written) / 1000);
      // The next edit goes to an idle server, as a person's next save would: once this edit's
      // regeneration of the whole site has finished and Astro has reloaded it (it prints nothing
      // for a second: its data store is saved half a second after the last change, then pages reload).
      await waitFor(async () => regenerations(output) >= edit, 60_000, () => `handover dev did not regenerate after edit ${edit}:\n${output.slice(-2000)}`);
      await waitForQuiet(() => output.length, 1000, 10_000);
    }
    return { edits, median: median(edits), startSeconds };
  } finally {
    await context.close();
    await writeFile(file, original);
    child.kill('SIGINT');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 5000);
      child.on('close', () => resolve(clearTimeout(timer)));
    });
  }
}

/** How many regenerations `handover dev` has reported (finished or failed). */
function regenerations(output: string): number {
  return output.match(/content regenerated in|Regenerating failed/g)?.length ?? 0;
}

/** Waits until `size` has not changed for `quietMs` (at most `maxMs`). */
async function waitForQuiet(size: () => number, quietMs: number, maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  let last = size();
  let since = performance.now();
  while (performance.now() < deadline && performance.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (size() !== last) {
      last = size();
      since = performance.now();
    }
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
