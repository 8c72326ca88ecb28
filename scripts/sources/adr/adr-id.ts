import { fileSlug } from '../shared/file-slug.ts';

/** The id (and URL slug) of the ADR stored at a repo path: its file name, slugified. */
export function adrIdFromPath(repoPath: string): string {
  return fileSlug(repoPath, 'adr');
}
