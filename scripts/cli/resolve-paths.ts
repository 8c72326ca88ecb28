import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../site-build/run-astro.ts';

/** A problem with the command line, reported as one sentence with exit code 2. */
export class UsageError extends Error {}

/** The demo service, built when no `--repo` is given from a checkout of Handover. */
export const DEMO_REPO = path.join(PACKAGE_ROOT, 'examples', 'demo-service');

/** Resolves `--repo` (default: the demo service in a checkout, else the current folder). */
export async function resolveRepo(option: string | undefined): Promise<string> {
  const repo = option ? path.resolve(option) : (await isDirectory(DEMO_REPO)) ? DEMO_REPO : process.cwd();
  const info = await stat(repo).catch(() => null);
  if (!info) throw new UsageError(`The repository folder ${repo} does not exist; pass an existing folder with --repo.`);
  if (!info.isDirectory()) throw new UsageError(`--repo must be a folder, but ${repo} is a file.`);
  const readable = await access(repo, constants.R_OK | constants.X_OK).then(() => true, () => false);
  if (!readable) throw new UsageError(`The repository folder ${repo} cannot be read by this user; check its permissions.`);
  return repo;
}

/** Where generated content and caches go: `--work-dir`, else `content/generated` in Handover. */
export function resolveWorkDirs(option: string | undefined): { contentDir: string; cacheDir: string } {
  if (option) {
    const workDir = path.resolve(option);
    return { contentDir: path.join(workDir, 'content'), cacheDir: path.join(workDir, 'cache') };
  }
  return { contentDir: path.join(PACKAGE_ROOT, 'content', 'generated'), cacheDir: path.join(PACKAGE_ROOT, 'node_modules', '.astro') };
}

/** Normalises `--base` to a path with leading and trailing slashes. */
export function normaliseBase(base: string | undefined): string {
  if (!base) return '/';
  if (/^[a-z]+:/i.test(base)) throw new UsageError(`--base takes a path such as /handover/, not a URL ("${base}"); put the origin in --site-url.`);
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Checks `--site-url` is an absolute http(s) URL. */
export function checkSiteUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(`--site-url must be an absolute http(s) URL such as https://docs.example.org, not "${url}".`);
  }
  return url;
}

async function isDirectory(folder: string): Promise<boolean> {
  return stat(folder).then((info) => info.isDirectory(), () => false);
}

/** Refuses an output folder that would hold the repo or Handover itself, since it is emptied. */
export function checkOutDir(outDir: string, repoRoot: string): string {
  const contains = (outer: string, inner: string) => inner === outer || inner.startsWith(outer + path.sep);
  if (contains(outDir, repoRoot) || contains(outDir, PACKAGE_ROOT)) {
    throw new UsageError(`--out ${outDir} would be emptied, and it holds the repository or Handover itself; choose a folder of its own, such as ${path.join(repoRoot, 'handover-site')}.`);
  }
  return outDir;
}
