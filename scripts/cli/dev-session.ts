import path from 'node:path';
import { generateContent, type Generated, type GenerateOptions } from '../generate-content.ts';
import { rewriteChangedPage } from './dev-fast-page.ts';
import type { Reporter } from './reporter.ts';

/**
 * The regeneration waits for the rewritten page to be served again (and this long more, for the
 * browser to show it), so the two do not compete for the CPU...
 */
const SHOW_GRACE_MS = 150;
/** ...but no longer than this (no page open, or Astro did not reload it). */
const SHOW_WAIT_MAX_MS = 2000;
/** Saves closer together than this make one regeneration. */
const SETTLE_MS = 50;

/**
 * What `handover dev` does when the service repo changes. An edited ADR or runbook has its page
 * rewritten at once (dev-fast-page.ts); then the whole content is regenerated, one run at a time,
 * and a run that a newer edit has made stale is stopped.
 */
export class DevSession {
  readonly #options: GenerateOptions;
  readonly #reporter: Reporter;
  /** Reloads the open pages (Astro's dev server). */
  readonly #reload: () => void;
  /** The last finished run, whose model a page is rewritten against. */
  #last: Generated;
  /** Runs one after another: each waits for the one before. */
  #running: Promise<void>;
  #timer: NodeJS.Timeout | undefined;
  /** Files changed since the running regeneration read the repo: it may write their pages as they were. */
  #changedDuringRun = new Set<string>();
  /** The running regeneration; a newer edit stops it (see generateContent's `signal`). */
  #regeneration: AbortController | null = null;
  /** Regenerations stopped in a row: bounded, so a file that never stops changing cannot starve the site. */
  #stopped = 0;
  /** A rewritten page (its path in the docs collection) whose reload waits for Astro to read it. */
  #awaitingReload: string | null = null;
  /** Settles once the reloaded pages have been served again. */
  #served: { promise: Promise<void>; resolve: () => void; reloaded: boolean } | null = null;

  constructor(first: Generated, options: GenerateOptions, reporter: Reporter, reload: () => void) {
    this.#last = first;
    this.#options = options;
    this.#reporter = reporter;
    this.#reload = reload;
    this.#running = first.saveCaches();
  }

  /** Settles once the regenerations asked for so far have finished and saved their caches. */
  settled(): Promise<void> {
    return this.#running.then(() => undefined);
  }

  /** A file of the service repo changed (`file` relative to its root, in the platform's form). */
  fileChanged(file: string): void {
    const repoPath = file.split(path.sep).join('/');
    this.#changedDuringRun.add(repoPath);
    // This edit's own run follows and reads everything again; its page is shown at once.
    if (this.#stopped < 2) this.#regeneration?.abort();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#settled(repoPath), SETTLE_MS);
  }

  /**
   * A line Astro's dev server printed. Once its content layer has read a page rewritten here, the
   * open pages reload: Vite's own reload, on the file change, can come first and show the old page.
   */
  astroSaid(line: string): void {
    if (this.#awaitingReload && line.includes('Reloaded data from') && line.includes(this.#awaitingReload)) {
      this.#awaitingReload = null;
      this.#reload();
      if (this.#served) this.#served.reloaded = true;
    } else if (this.#served?.reloaded && /\[200\]/.test(line)) {
      this.#served.resolve();
    }
  }

  #settled(repoPath: string): void {
    // The edited page first (milliseconds), then the whole site.
    const shown = this.#showAtOnce(repoPath);
    this.#running = this.#running.then(async () => {
      // The rewritten page is served again before the regeneration competes with it for the CPU.
      const served = (await shown) ? this.#served : null;
      if (served) {
        const waited = await Promise.race([served.promise.then(() => true), sleep(SHOW_WAIT_MAX_MS).then(() => false)]);
        if (waited) await sleep(SHOW_GRACE_MS);
      }
      await this.#regenerate(repoPath);
    });
  }

  /** Rewrites the edited document's page, if it has one; says whether it did. */
  async #showAtOnce(repoPath: string): Promise<boolean> {
    const page = await rewriteChangedPage(this.#last, this.#options, repoPath).catch(() => null);
    if (!page) return false;
    // Astro logs the page by its path in the docs collection.
    this.#awaitingReload = page.replace(/^docs\//, '');
    let resolve = () => {};
    const promise = new Promise<void>((settle) => (resolve = settle));
    this.#served = { promise, resolve, reloaded: false };
    return true;
  }

  async #regenerate(repoPath: string): Promise<void> {
    const started = performance.now();
    this.#changedDuringRun = new Set();
    const controller = new AbortController();
    this.#regeneration = controller;
    try {
      this.#last = await generateContent({ ...this.#options, signal: controller.signal });
      this.#stopped = 0;
      // An edit made while this ran was read too late: show it again (its own run follows).
      for (const changed of this.#changedDuringRun) await this.#showAtOnce(changed);
      const { report, saveCaches } = this.#last;
      this.#reporter.info(`${repoPath} changed; content regenerated in ${((performance.now() - started) / 1000).toFixed(2)}s`);
      this.#reporter.diagnostics(report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'));
      // The pages are written: the browser reloads while the caches are saved.
      await saveCaches();
    } catch (error) {
      if (controller.signal.aborted) this.#stopped += 1;
      else this.#reporter.error(`Regenerating failed: ${(error as Error).message}`);
    } finally {
      this.#regeneration = null;
    }
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
