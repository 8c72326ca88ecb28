import path from 'node:path';
import { hasGitHistory, runGit } from './run-git.ts';

/**
 * The date (ISO, YYYY-MM-DD) of the last commit touching each of the given repo paths, from one
 * `git log` run (not one per file). Empty when the folder is not a git repository or git is
 * missing; files with no commit are absent.
 */
export async function lastCommitDates(repoRoot: string, paths: readonly string[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (paths.length === 0 || !(await hasGitHistory(repoRoot))) return dates;
  const wanted = new Set(paths);
  const output = (await runGit(['log', '--no-merges', '--format=%x00%cs', '--name-only', '--', ...new Set(paths.map((file) => path.posix.dirname(file)))], repoRoot)) ?? '';
  let current: string | null = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('\0')) current = line.slice(1).trim();
    else if (current && line && wanted.has(line) && !dates.has(line)) dates.set(line, current);
  }
  return dates;
}
