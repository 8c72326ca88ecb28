import { lstatSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob, type GlobOptions } from 'tinyglobby';
import { hasGitHistory, runGit } from '../git/run-git.ts';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.*/**'];

/** The options of `RepoListing.glob`: tinyglobby's, with `cwd` a folder of the repository. */
export interface ListingGlobOptions {
  /** Repo-relative folder the patterns (and the paths returned) are relative to; default: the root. */
  cwd?: string;
  ignore?: string[];
  caseSensitiveMatch?: boolean;
  /** Paths of at most `deep + 1` segments below `cwd`, as tinyglobby's `deep` gives. */
  deep?: number;
  onlyDirectories?: boolean;
  extglob?: boolean;
  dot?: boolean;
  /** As tinyglobby's (default true): only a search that does not follow links is answered from git's listing. */
  followSymbolicLinks?: boolean;
}

/**
 * The files of one repository for one build, for scans over the whole repository (alert rules,
 * code markers, TypeDoc's sources) and the searches for document folders. In a git repository
 * these are the files git sees (tracked, or untracked and not ignored), so build output and other
 * `.gitignore`d files are left out; git is asked once (`git ls-files`: 10-15 ms and a process
 * each time) and every scan filters that list with its own patterns, instead of each walking the
 * repository. Elsewhere, each scan globs.
 */
export class RepoListing {
  readonly repoRoot: string;
  /** The files git sees, symbolic links and Handover's own folders left out (no scan or search here follows links); null outside git. */
  #listed: Promise<string[] | null> | null = null;
  /** Whether a repo-relative path is in one of Handover's own folders (a work dir inside the repository): never part of it. */
  readonly #isOwn: ((file: string) => boolean) | null;

  /** `own`: folders Handover writes (the work dir's content and caches), left out wherever they are in the repository. */
  constructor(repoRoot: string, own: readonly string[] = []) {
    this.repoRoot = repoRoot;
    this.#isOwn = ownFolderTest(repoRoot, own);
  }

  /** False for a repo-relative path in one of Handover's own folders (see the constructor). */
  isRepoPath(file: string): boolean {
    return !this.#isOwn?.(file);
  }

  /** Starts asking git now, ahead of the first scan. */
  prefetch(): void {
    void this.#listing();
  }

  /** The files matching the patterns and none of the ignored ones, sorted. */
  async files(patterns: string[], ignore: string[] = []): Promise<string[]> {
    const ignored = [...ALWAYS_IGNORED, ...ignore];
    const listed = await this.#listing();
    if (listed) {
      const matches = matcher(patterns, { dot: false, nocase: true, basename: false });
      const excluded = matcher(ignored, { dot: true, nocase: true });
      return listed.filter((file) => matches(file) && !excluded(file)).sort();
    }
    return (await glob(patterns, { cwd: this.repoRoot, ignore: ignored, followSymbolicLinks: false, caseSensitiveMatch: false, deep: 12 })).filter((file) => this.isRepoPath(file)).sort();
  }

  /**
   * What tinyglobby gives for these patterns and options in `cwd`, unsorted: paths relative to
   * `cwd`, folders with a trailing slash. In a git repository, a search that does not follow
   * symbolic links is answered from the listing (where a folder is there when git sees a file in
   * it, and links are left out); a search that follows them walks the folder, as everywhere else.
   */
  async glob(patterns: string[], options: ListingGlobOptions = {}): Promise<string[]> {
    const { cwd = '', ignore = [], caseSensitiveMatch = true, deep, onlyDirectories = false, extglob = true, dot = false, followSymbolicLinks = true } = options;
    const listed = followSymbolicLinks ? null : await this.#listing();
    const prefix = cwd.replace(/^\.\/?/, '').replace(/\/+$/, '');
    if (!listed) {
      const globOptions: GlobOptions = { cwd: path.join(this.repoRoot, cwd), ignore, caseSensitiveMatch, onlyDirectories, extglob, dot, followSymbolicLinks, ...(deep === undefined ? {} : { deep }) };
      const found = await glob(patterns, globOptions);
      return this.#isOwn === null ? found : found.filter((match) => this.isRepoPath(path.posix.join(prefix, match).replace(/\/$/, '')));
    }
    const under = prefix ? listed.filter((file) => file.startsWith(`${prefix}/`)).map((file) => file.slice(prefix.length + 1)) : listed;
    let candidates = under;
    if (onlyDirectories) {
      const folders = new Set<string>();
      for (const file of under) for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash));
      candidates = [...folders];
    }
    // As tinyglobby matches: POSIX brackets (`[!.]`), and a pattern that names a folder (`docs/adr/`,
    // `TECH_DEBT.md`) also matches everything in it (its `expandDirectories`).
    const matchOptions = { dot, nocase: !caseSensitiveMatch, noextglob: !extglob, posix: true };
    const matches = matcher(patterns.map((pattern) => expandDirectory(pattern.replace(/\/+$/, ''))), matchOptions);
    const excluded = matcher(ignore.length > 0 ? ignore.map((pattern) => expandDirectory(pattern.replace(/\/+$/, ''))) : ['\0'], matchOptions);
    const deepEnough = (candidate: string) => deep === undefined || candidate.split('/').length <= deep + 1;
    const found = candidates.filter((candidate) => deepEnough(candidate) && matches(candidate) && !excluded(candidate) && !(onlyDirectories && excluded(`${candidate}/`)));
    return onlyDirectories ? found.map((folder) => `${folder}/`) : found;
  }

  /**
   * Whether `glob` finds anything for these patterns and options. When git's listing has a match
   * (links aside), that settles it without walking; otherwise the glob decides, following links
   * if asked to.
   */
  async holdsAny(patterns: string[], options: ListingGlobOptions = {}): Promise<boolean> {
    if ((await this.#listing()) && (await this.glob(patterns, { ...options, followSymbolicLinks: false })).length > 0) return true;
    return (await this.glob(patterns, options)).length > 0;
  }

  #listing(): Promise<string[] | null> {
    return (this.#listed ??= this.#listWithGit());
  }

  async #listWithGit(): Promise<string[] | null> {
    if (!(await hasGitHistory(this.repoRoot))) return null;
    // Each entry comes with its status (`-t`): `H` tracked, `M` unmerged, `?` untracked, `R` tracked
    // but deleted from the work tree (listed again as `H`), `S` left out of a sparse checkout; and
    // tracked ones with their mode (`--stage`: `120000` a link, `160000` a submodule, not a file).
    const output = await runGit(['ls-files', '--cached', '--others', '--deleted', '--exclude-standard', '--stage', '-t', '-z'], this.repoRoot);
    if (output === null) return null;
    const files = new Set<string>();
    const gone = new Set<string>();
    for (const entry of output.split('\0')) {
      const parsed = /^(\S) (?:(\d{6}) [0-9a-f]+ \d\t)?/.exec(entry);
      if (!parsed) continue;
      const [prefix, status, mode] = parsed;
      const file = entry.slice(prefix.length);
      if (!file) continue;
      if (status === 'R' || status === 'S') gone.add(file);
      if (mode === '160000' || !(status === 'H' || status === 'M' || status === '?')) continue;
      const link = mode ? mode === '120000' : lstatSync(path.join(this.repoRoot, file), { throwIfNoEntry: false })?.isSymbolicLink();
      if (!link && this.isRepoPath(file)) files.add(file);
    }
    return [...files].filter((file) => !gone.has(file));
  }
}

/**
 * A test for repo-relative POSIX paths in any of these folders that lie inside the repository (the
 * root itself aside); null when none does.
 */
export function ownFolderTest(repoRoot: string, folders: readonly string[]): ((file: string) => boolean) | null {
  const inside = folders
    .map((folder) => path.relative(repoRoot, path.resolve(repoRoot, folder)))
    .filter((relative) => relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
    .map((relative) => relative.split(path.sep).join('/'));
  return inside.length === 0 ? null : (file) => inside.some((folder) => file === folder || file.startsWith(`${folder}/`));
}

/** The build's listing of the repository when the context has one, else a listing of its own. */
export function listingOf(context: { repoRoot: string; listing?: RepoListing }): RepoListing {
  return context.listing ?? new RepoListing(context.repoRoot);
}

const matchers = new Map<string, (path: string) => boolean>();

/** picomatch's matcher for these patterns and options, compiled once per process (the searches ask for the same ones per folder, and on every build of `handover dev`). */
function matcher(patterns: string[], options: picomatch.PicomatchOptions): (path: string) => boolean {
  const key = JSON.stringify([patterns, options]);
  let compiled = matchers.get(key);
  if (!compiled) matchers.set(key, (compiled = picomatch(patterns, options)));
  return compiled;
}

/** A pattern as tinyglobby reads it: one that does not end in `*` also matches what is below it. */
function expandDirectory(pattern: string): string {
  return pattern.endsWith('*') ? pattern : `${pattern}/**`;
}

