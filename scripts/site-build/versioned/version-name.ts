import { UsageError } from '../../cli/resolve-paths.ts';

/**
 * The name a versioned build is published under: `--version`, else the release's version (git tag
 * at HEAD or package.json). It becomes a folder and a URL segment, so it is checked as one.
 */
export function resolveVersionName(option: string | undefined, releaseVersion: string | null | undefined): string {
  const name = (option ?? releaseVersion ?? '').trim().replace(/^v(?=\d)/, '');
  if (name === '') {
    throw new UsageError('--versioned needs a version name: none was found (no git tag at HEAD, no version in package.json); pass one with --version, e.g. --version 1.2.0.');
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name) || name === 'latest') {
    throw new UsageError(`The version name "${name}" cannot be a folder of the site; pass --version with letters, digits, dots and dashes only (and not "latest"), e.g. --version 1.2.0.`);
  }
  return name;
}
