import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { hasGitHistory, runGit } from '../git/run-git.ts';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.*/**'];

/**
 * Repo files matching the patterns, for scans over the whole repository (alert rules, code
 * markers). In a git repository these are the files git sees (tracked, or untracked and not
 * ignored), so build output and other `.gitignore`d files are left out; elsewhere, a glob.
 */
export async function repoFiles(repoRoot: string, patterns: string[], ignore: string[] = []): Promise<string[]> {
  const ignored = [...ALWAYS_IGNORED, ...ignore];
  if (await hasGitHistory(repoRoot)) {
    const output = await runGit(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], repoRoot);
    const listed = output === null ? null : [...new Set(output.split('\0').filter(Boolean))];
    if (listed) {
      const matches = picomatch(patterns, { dot: false, nocase: true, basename: false });
      const excluded = picomatch(ignored, { dot: true, nocase: true });
      return listed.filter((file) => matches(file) && !excluded(file)).sort();
    }
  }
  return (await glob(patterns, { cwd: repoRoot, ignore: ignored, followSymbolicLinks: false, caseSensitiveMatch: false, deep: 12 })).sort();
}
