import { hasGitHistory, runGit } from './run-git.ts';

/**
 * For each file, the date (ISO) each of the given lines was last changed, from one
 * `git blame --line-porcelain` run per file (never one per line). Empty without git history;
 * lines not yet committed are absent.
 */
export async function blameDates(repoRoot: string, linesByFile: ReadonlyMap<string, readonly number[]>): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (linesByFile.size === 0 || !(await hasGitHistory(repoRoot))) return dates;
  for (const [file, lines] of linesByFile) {
    const wanted = new Set(lines);
    const output = (await runGit(['blame', '--line-porcelain', '--', file], repoRoot)) ?? '';
    let line = 0;
    let committed = true;
    for (const text of output.split('\n')) {
      const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(text);
      if (header) {
        line = Number(header[2]);
        committed = !/^0+$/.test(header[1]!);
      } else if (text.startsWith('committer-time ') && committed && wanted.has(line)) {
        dates.set(`${file}:${line}`, new Date(Number(text.slice(15)) * 1000).toISOString().slice(0, 10));
      }
    }
  }
  return dates;
}
