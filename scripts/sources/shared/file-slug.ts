import { slug } from 'github-slugger';

/** Document extensions, longest first: `.html.md.erb` before `.md`. */
const DOCUMENT_EXTENSION = /(\.html)?\.(md|mdx|markdown)(\.erb)?$/i;

/** A document's file name without its extensions (`KubePodCrashLooping.md` -> `KubePodCrashLooping`). */
export function documentName(repoPath: string): string {
  const fileName = repoPath.split('/').pop() ?? repoPath;
  return fileName.replace(DOCUMENT_EXTENSION, '');
}

/** The id (and URL slug) of the document at a repo path: its name, slugified (lower case). */
export function fileSlug(repoPath: string, fallback = 'document'): string {
  return slug(documentName(repoPath)) || fallback;
}
