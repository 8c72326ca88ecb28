import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** `<out>/versions.json` of a versioned site: every version kept, newest first. */
export interface VersionsIndex {
  /** The newest version, which `latest/` points at. */
  latest: string;
  /** Every version, newest first; each is a folder `<out>/<version>/`. */
  versions: string[];
}

export const VERSIONS_FILE = 'versions.json';

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Compares two version names, newest first: semver order where both are semver, else natural order. */
export function compareVersionsNewestFirst(a: string, b: string): number {
  const [left, right] = [SEMVER.exec(a), SEMVER.exec(b)];
  if (left && right) {
    for (let part = 1; part <= 3; part += 1) {
      const difference = Number(right[part]) - Number(left[part]);
      if (difference !== 0) return difference;
    }
    // A pre-release comes before its release: 1.0.0-rc.1 is older than 1.0.0.
    if (left[4] === undefined || right[4] === undefined) return (left[4] === undefined ? 0 : 1) - (right[4] === undefined ? 0 : 1);
    return comparePrerelease(right[4], left[4]);
  }
  // Semver versions sort before names that are not (such as `nightly`), which sort by name.
  if (left || right) return left ? -1 : 1;
  return b.localeCompare(a, 'en', { numeric: true });
}

function comparePrerelease(a: string, b: string): number {
  const [left, right] = [a.split('.'), b.split('.')];
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const [x, y] = [left[index], right[index]];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const difference = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The index of `versions` (any order, duplicates allowed), newest first. */
export function versionsIndex(versions: Iterable<string>): VersionsIndex {
  const sorted = [...new Set(versions)].sort(compareVersionsNewestFirst);
  return { latest: sorted[0]!, versions: sorted };
}

/** Reads `versions.json` from a versioned site's folder, or null when there is none. */
export async function readVersionsIndex(folder: string): Promise<VersionsIndex | null> {
  const text = await readFile(path.join(folder, VERSIONS_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  const parsed = JSON.parse(text) as Partial<VersionsIndex>;
  if (!Array.isArray(parsed.versions) || !parsed.versions.every((version) => typeof version === 'string')) return null;
  return versionsIndex(parsed.versions);
}

/** Writes `versions.json` into `folder`. */
export async function writeVersionsIndex(folder: string, index: VersionsIndex): Promise<void> {
  await writeFile(path.join(folder, VERSIONS_FILE), `${JSON.stringify(index, null, 2)}\n`);
}
