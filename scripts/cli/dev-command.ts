import { watch } from 'node:fs';
import path from 'node:path';
import { generateContent, type GenerateOptions } from '../generate-content.ts';
import { keepCachesBetweenRuns } from '../cache/keyed-cache.ts';
import { DevSession } from './dev-session.ts';
import { runAstro } from '../site-build/run-astro.ts';
import { ownFolderTest } from '../sources/shared/repo-files.ts';
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
 * re-runs ingest and emit (see DevSession), and Astro reloads the pages whose content changed.
 */
export async function devCommand(options: DevCommandOptions, reporter: Reporter): Promise<number> {
  const repoRoot = await resolveRepo(options.repo);
  const { contentDir, cacheDir } = resolveWorkDirs(options.workDir);
  keepCachesBetweenRuns();
  const generate: GenerateOptions = { repoRoot, contentDir, cacheDir, base: '/', allMdx: true };
  const session = new DevSession(await generateContent(generate, reporter), generate, reporter, () => astro.reload());
  const astro = runAstro({
    command: 'dev', contentDir, outDir: path.join(cacheDir, 'dev-dist'), cacheDir, port: options.port,
    onLine: (line) => {
      reporter.info(line);
      session.astroSaid(line);
    },
  });
  // A work dir inside the repository: its pages and caches change on every regeneration, and are no input.
  const isOwn = ownFolderTest(repoRoot, [contentDir, cacheDir]);
  const watcher = watch(repoRoot, { recursive: true }, (_event, file) => {
    if (!file || /(^|[/\\])(\.git|node_modules|dist)([/\\]|$)/.test(file) || isOwn?.(file.split(path.sep).join('/'))) return;
    session.fileChanged(file);
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
