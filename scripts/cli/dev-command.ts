import { watch } from 'node:fs';
import path from 'node:path';
import { generateContent } from '../generate-content.ts';
import { keepCachesBetweenRuns } from '../cache/keyed-cache.ts';
import { rewriteChangedPage } from './dev-fast-page.ts';
import { runAstro } from '../site-build/run-astro.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { resolveRepo, resolveWorkDirs } from './resolve-paths.ts';

export interface DevCommandOptions {
  repo?: string;
  port?: number;
  workDir?: string;
}

/**
 * `handover dev`: serves the site with live reload. The service repo is watched; a change
 * re-runs ingest and emit, and Astro reloads the pages whose content changed.
 */
export async function devCommand(options: DevCommandOptions, reporter: Reporter): Promise<number> {
  const repoRoot = await resolveRepo(options.repo);
  const { contentDir, cacheDir } = resolveWorkDirs(options.workDir);
  keepCachesBetweenRuns();
  const first = await generateContent({ repoRoot, contentDir, cacheDir, base: '/', allMdx: true }, reporter);
  let last = first;
  const astro = runAstro({ command: 'dev', contentDir, outDir: path.join(cacheDir, 'dev-dist'), cacheDir, port: options.port, onLine: (line) => reporter.info(line) });
  let running = first.saveCaches();

  let timer: NodeJS.Timeout | undefined;
  /** Files changed since the running regeneration read the repo: it may write their pages as they were. */
  let changedDuringRun = new Set<string>();
  /** The running regeneration; a newer edit stops it (see generateContent's `signal`). */
  let regeneration: AbortController | null = null;
  /** Regenerations stopped in a row: bounded, so a file that never stops changing cannot starve the site. */
  let stopped = 0;
  const watcher = watch(repoRoot, { recursive: true }, (_event, file) => {
    if (!file || /(^|[/\\])(\.git|node_modules|dist)([/\\]|$)/.test(file)) return;
    changedDuringRun.add(file.split(path.sep).join('/'));
    // This edit's own run follows and reads everything again; its page is shown at once.
    if (stopped < 2) regeneration?.abort();
    clearTimeout(timer);
    timer = setTimeout(() => {
      // The edited page first (milliseconds), then the whole site (see dev-fast-page.ts).
      const shown = rewriteChangedPage(last, { repoRoot, contentDir }, file.split(path.sep).join('/')).catch(() => false);
      running = running.then(async () => {
        // Astro reloads the rewritten page before the regeneration competes with it for the CPU.
        if (await shown) await new Promise((resolve) => setTimeout(resolve, 800));
        const started = performance.now();
        changedDuringRun = new Set();
        const controller = new AbortController();
        regeneration = controller;
        try {
          last = await generateContent({ repoRoot, contentDir, cacheDir, base: '/', allMdx: true, signal: controller.signal });
          stopped = 0;
          // An edit made while this ran was read too late: show it again (its own run follows).
          for (const changed of changedDuringRun) await rewriteChangedPage(last, { repoRoot, contentDir }, changed).catch(() => false);
          const { report, saveCaches } = last;
          reporter.info(`${file} changed; content regenerated in ${((performance.now() - started) / 1000).toFixed(2)}s`);
          reporter.diagnostics(report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'));
          // The pages are written: the browser reloads while the caches are saved.
          await saveCaches();
        } catch (error) {
          if (controller.signal.aborted) stopped += 1;
          else reporter.error(`Regenerating failed: ${(error as Error).message}`);
        } finally {
          regeneration = null;
        }
      });
    }, 50);
  });
  const stop = () => {
    watcher.close();
    astro.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const { code } = await astro.done;
  watcher.close();
  return code === 0 || code === 130 ? ExitCode.Success : ExitCode.BuildFailed;
}
