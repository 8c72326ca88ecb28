import { glob } from 'tinyglobby';
import type { ReleaseNotes } from '../../model/schemas/release.ts';
import type { Source } from '../types.ts';
import { parseChangelog } from './parse-changelog.ts';

/** Changelog names at the repo root, in order of preference (matched case-insensitively). */
export const CHANGELOG_NAMES = ['changelog.md', 'changelog', 'changelog.markdown', 'history.md', 'changes.md'];

/** The release history from the changelog at the repo root (one file: the first name found). */
export const releaseSource: Source<ReleaseNotes> = {
  kind: 'release',
  async discover({ repoRoot }) {
    const found = await glob(['*'], { cwd: repoRoot, caseSensitiveMatch: false, deep: 1, onlyFiles: true });
    const rank = (name: string) => CHANGELOG_NAMES.indexOf(name.toLowerCase());
    const changelog = found.filter((name) => rank(name) !== -1).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
    return changelog ? [changelog] : [];
  },
  parse(file) {
    return parseChangelog(file);
  },
};
