import { watch } from 'node:fs';
import path from 'node:path';
import { generateContent } from '../generate-content.ts';
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
  const first = await generateContent({ repoRoot, contentDir, cacheDir, base: '/', allMdx: true }, reporter);
  const astro = runAstro({ command: 'dev', contentDir, outDir: path.join(cacheDir, 'dev-dist'), cacheDir, port: options.port, onLine: (line) => reporter.info(line) });
  let running = first.saveCaches();

  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(repoRoot, { recursive: true }, (_event, file) => {
    if (!file || /(^|[/\\])(\.git|node_modules|dist)([/\\]|$)/.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const started = performance.now();
        try {
          const { report, saveCaches } = await generateContent({ repoRoot, contentDir, cacheDir, base: '/', allMdx: true });
          reporter.info(`${file} changed; content regenerated in ${((performance.now() - started) / 1000).toFixed(2)}s`);
          reporter.diagnostics(report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'));
          // The pages are written: the browser reloads while the caches are saved.
          await saveCaches();
        } catch (error) {
          reporter.error(`Regenerating failed: ${(error as Error).message}`);
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
