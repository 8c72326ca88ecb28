import type { GitReleaseFacts } from '../sources/release/read-git-release.ts';
import { tagReleaseNotes } from '../sources/release/tag-release-notes.ts';
import { pickReleaseTag, readVersion } from '../sources/release/version-text.ts';
import type { Release, ReleaseNotes } from './schemas/release.ts';

/**
 * The release a build stamps: the version tag at HEAD, else package.json's version; the commit;
 * and the commit's date, else the build's date (never the clock, so builds are reproducible).
 */
export function resolveRelease(git: GitReleaseFacts | undefined, packageVersion: string | null, today: string): Release {
  const tag = pickReleaseTag(git?.headTags ?? []);
  const commit = git?.commit ?? null;
  return {
    kind: 'release',
    id: 'release',
    version: tag ? readVersion(tag) : packageVersion,
    versionSource: tag ? 'tag' : packageVersion ? 'package' : 'none',
    tag,
    commit,
    shortCommit: commit ? commit.slice(0, 7) : null,
    date: git?.commitDate ?? today,
    dateSource: git?.commitDate ? 'commit' : 'build',
  };
}

/** The release history: the changelog's, or where there is none, one release per git tag. */
export function releaseHistory(changelog: readonly ReleaseNotes[], git: GitReleaseFacts | undefined): ReleaseNotes[] {
  return changelog.length > 0 ? [...changelog] : tagReleaseNotes(git?.history ?? []);
}
