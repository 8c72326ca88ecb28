import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { hasGitHistory, runGit } from '../git/run-git.ts';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.*/**'];

/**
 * The files of one repository for one build, for scans over the whole repository (alert rules,
 * code markers, TypeDoc's sources). In a git repository these are the files git sees (tracked, or
 * untracked and not ignored), so build output and other `.gitignore`d files are left out; git is
 * asked once (`git ls-files`: 10-15 ms and a process each time) and every scan filters that list
 * with its own patterns. Elsewhere, each scan globs.
 */
export class RepoListing {
  readonly repoRoot: string;
  #listed: Promise<string[] | null> | null = null;

  constructor(repoRoot: string) {
    this.repoRoot = repoRoot;
  }

  /** Starts asking git now, ahead of the first scan. */
  prefetch(): void {
    this.#listed ??= this.#listWithGit();
  }

  /** The files matching the patterns and none of the ignored ones, sorted. */
  async files(patterns: string[], ignore: string[] = []): Promise<string[]> {
    const ignored = [...ALWAYS_IGNORED, ...ignore];
    const listed = await (this.#listed ??= this.#listWithGit());
    if (listed) {
      const matches = picomatch(patterns, { dot: false, nocase: true, basename: false });
      const excluded = picomatch(ignored, { dot: true, nocase: true });
      return listed.filter((file) => matches(file) && !excluded(file)).sort();
    }
    return (await glob(patterns, { cwd: this.repoRoot, ignore: ignored, followSymbolicLinks: false, caseSensitiveMatch: false, deep: 12 })).sort();
  }

  async #listWithGit(): Promise<string[] | null> {
    if (!(await hasGitHistory(this.repoRoot))) return null;
    const output = await runGit(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], this.repoRoot);
    return output === null ? null : [...new Set(output.split('\0').filter(Boolean))];
  }
}

/** The build's listing of the repository when the context has one, else a listing of its own. */
export function listingOf(context: { repoRoot: string; listing?: RepoListing }): RepoListing {
  return context.listing ?? new RepoListing(context.repoRoot);
}
