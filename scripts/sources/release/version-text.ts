/**
 * A version token as changelogs and tags write it: `1.2.0`, `v1.2.0`, `1.0.0-beta.1`,
 * `pkg@1.2.0`, `@scope/pkg@1.2.0`, `release-please-poc-v1.6.0`. The prefix before the last
 * `@`, `/` or `-` is a package name; the version needs at least a major and a minor number.
 */
const VERSION_TOKEN = /^(?:.*[@/-])?[vV]?(\d+\.\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** The version in a token (`v1.2.0` -> `1.2.0`), or null when the token is not a version. */
export function readVersion(token: string): string | null {
  return VERSION_TOKEN.exec(token.trim().replace(/[,:;]+$/, ''))?.[1] ?? null;
}

/** True for tags that name a release (`v1.2.0`, `1.2.0`, `pkg@1.2.0`), not e.g. `deployed`. */
export function isVersionTag(tag: string): boolean {
  return readVersion(tag) !== null;
}

/** Compares two versions by semver precedence (numbers, then pre-releases before releases). */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('+')[0]!.split(/-(.*)/s);
  const [coreB = '', preB] = b.split('+')[0]!.split(/-(.*)/s);
  const numbersA = coreA.split('.').map(Number);
  const numbersB = coreB.split('.').map(Number);
  for (let index = 0; index < Math.max(numbersA.length, numbersB.length); index++) {
    const difference = (numbersA[index] ?? 0) - (numbersB[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (preA === preB) return 0;
  if (!preA) return 1;
  if (!preB) return -1;
  return preA.localeCompare(preB, 'en', { numeric: true });
}

/** The release tag among those pointing at a commit: the highest version, or null. */
export function pickReleaseTag(tags: readonly string[]): string | null {
  const versions = tags.filter(isVersionTag);
  return versions.sort((a, b) => compareVersions(readVersion(b)!, readVersion(a)!) || a.localeCompare(b))[0] ?? null;
}
