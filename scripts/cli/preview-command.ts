import { stat } from 'node:fs/promises';
import path from 'node:path';
import { runAstro } from '../site-build/run-astro.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { UsageError, resolveWorkDirs } from './resolve-paths.ts';

/** `handover preview`: serves a built site from `--out` locally. */
export async function previewCommand(options: { out: string; port?: number; workDir?: string }, reporter: Reporter): Promise<number> {
  const outDir = path.resolve(options.out);
  if (!(await stat(path.join(outDir, 'index.html')).catch(() => null))) {
    throw new UsageError(`There is no built site in ${outDir}; run \`npm run build\` (or \`handover build --out ${options.out}\`) first.`);
  }
  const { contentDir, cacheDir } = resolveWorkDirs(options.workDir);
  const astro = runAstro({ command: 'preview', contentDir, outDir, cacheDir, port: options.port, onLine: (line) => reporter.info(line) });
  process.once('SIGINT', () => astro.stop());
  const { code } = await astro.done;
  return code === 0 || code === 130 ? ExitCode.Success : ExitCode.BuildFailed;
}
