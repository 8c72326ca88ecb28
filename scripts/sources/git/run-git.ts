import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** True when the folder is the root of a git work tree (it has `.git`). */
export async function hasGitHistory(repoRoot: string): Promise<boolean> {
  return Boolean(await stat(path.join(repoRoot, '.git')).catch(() => null));
}

/**
 * Runs one read-only git command in the repo and returns its output, or null when git is
 * missing or the command fails. Paths are printed as they are (`core.quotepath=off`).
 */
export function runGit(args: readonly string[], repoRoot: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? output : null));
  });
}

/** Git processes run at once by the readers that need one per file or per tag. */
export const GIT_AT_ONCE = 4;

/**
 * `work` over every item, at most `limit` at once, the results in the items' order whichever
 * finishes first: each git process holds one core, mostly reading history.
 */
export async function mapInTurns<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const takeNext = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, takeNext));
  return results;
}
