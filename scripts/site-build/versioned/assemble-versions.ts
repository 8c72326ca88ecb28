import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redirectPage } from './redirect-page.ts';
import { versionsIndex, writeVersionsIndex, type VersionsIndex } from './versions-index.ts';

export interface AssembleOptions {
  /** The folder being assembled; the version just built is already in `<dir>/<version>/`. */
  dir: string;
  version: string;
  /** An earlier versioned site to keep versions from, or null. */
  previous: { dir: string; index: VersionsIndex } | null;
  /** Base path of the whole versioned site, with slashes (`/` or `/svc/`). */
  base: string;
  siteUrl: string | undefined;
}

/**
 * Completes a versioned site around the version just built: copies the earlier versions, writes
 * `latest/` (a redirect page per page of the newest version), `index.html` (to `latest/`) and
 * `versions.json`. Returns the index and the earlier versions that were listed but missing.
 */
export async function assembleVersions(options: AssembleOptions): Promise<{ index: VersionsIndex; missing: string[] }> {
  const kept: string[] = [];
  const missing: string[] = [];
  for (const version of options.previous?.index.versions ?? []) {
    if (version === options.version) continue;
    const from = path.join(options.previous!.dir, version);
    if (!(await stat(from).catch(() => null))?.isDirectory()) {
      missing.push(version);
      continue;
    }
    await cp(from, path.join(options.dir, version), { recursive: true });
    kept.push(version);
  }
  const index = versionsIndex([options.version, ...kept]);
  await writeLatestRedirects(options, index.latest);
  const root = `${options.base}latest/`;
  await writeFile(path.join(options.dir, 'index.html'), redirectPage(root, absolute(options.siteUrl, root), `The latest version (${index.latest})`));
  await writeVersionsIndex(options.dir, index);
  return { index, missing };
}

/**
 * `latest/<page>` for every page of the newest version, each redirecting to the same page under
 * `<version>/`. Redirects, not a second copy, so there is one search index per version and no
 * second Astro build; see docs/adr (versioned sites).
 */
async function writeLatestRedirects(options: AssembleOptions, latest: string): Promise<void> {
  const source = path.join(options.dir, latest);
  const pages = (await readdir(source, { recursive: true }))
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => entry.endsWith('index.html') && !entry.startsWith('pagefind/'))
    .sort();
  for (const page of pages) {
    const target = `${options.base}${latest}/${page.replace(/index\.html$/, '')}`;
    const file = path.join(options.dir, 'latest', ...page.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, redirectPage(target, absolute(options.siteUrl, target), `The latest version (${latest}) of this page`));
  }
}

function absolute(siteUrl: string | undefined, sitePath: string): string {
  return siteUrl ? new URL(sitePath, siteUrl).href : sitePath;
}
