import { glob } from 'tinyglobby';
import type { Source } from '../types.ts';
import { parseCodeowners, type CodeownersRule } from './codeowners.ts';

/** The rules of one CODEOWNERS file. */
export interface CodeownersFile {
  kind: 'codeowners';
  id: string;
  path: string;
  rules: CodeownersRule[];
}

/** Where GitHub and GitLab look for CODEOWNERS, in the order they use the first one found. */
const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

/** Ownership of files, from CODEOWNERS. */
export const ownershipSource: Source<CodeownersFile> = {
  kind: 'ownership',
  async discover({ repoRoot }) {
    const found = await glob(LOCATIONS, { cwd: repoRoot, dot: true, caseSensitiveMatch: true });
    return LOCATIONS.filter((location) => found.includes(location));
  },
  parse(file) {
    return { records: [{ kind: 'codeowners', id: file.path, path: file.path, rules: parseCodeowners(file.text) }], diagnostics: [] };
  },
};
