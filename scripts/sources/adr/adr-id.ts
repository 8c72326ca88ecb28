import { slug } from 'github-slugger';

/** The id (and URL slug) of the ADR stored at a repo path: its file name, slugified. */
export function adrIdFromPath(repoPath: string): string {
  const fileName = repoPath.split('/').pop() ?? repoPath;
  return slug(fileName.replace(/(\.html)?\.(md|mdx|markdown)(\.erb)?$/i, '')) || 'adr';
}
