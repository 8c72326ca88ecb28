import path from 'node:path';
import { listingOf } from '../shared/repo-files.ts';
import type { SourceContext } from '../types.ts';

/** Where runbooks usually live. `alerts` folders count when they hold Markdown (alert guides). */
const RUNBOOK_FOLDER_GLOBS = ['docs/runbooks/', 'docs/runbook/', 'runbooks/', 'runbook/', 'docs/playbooks/', 'playbooks/', 'source/**/runbooks/', 'content/runbooks/', '**/alerts/', 'docs/**/runbooks/'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/.*/**'];
/** Markdown, ERB-templated Markdown (Middleman), and files with no extension (read if Markdown). */
export const RUNBOOK_FILE_GLOBS = ['**/*.{md,mdx,markdown,md.erb}', '**/[!._]+([!.])'];

/** The runbook folders: `runbooks.paths` from the config, else the conventional ones that exist. */
export async function findRunbookFolders(context: SourceContext): Promise<string[]> {
  const configured = context.config.runbooks.paths;
  if (configured) return configured.map((folder) => folder.replace(/^\.\//, '').replace(/\/+$/, ''));
  const listing = listingOf(context);
  const folders = await listing.glob(RUNBOOK_FOLDER_GLOBS, { onlyDirectories: true, caseSensitiveMatch: false, deep: 5, ignore: IGNORED, followSymbolicLinks: false });
  const cleaned = [...new Set(folders.map((folder) => folder.replace(/\/+$/, '')))].sort();
  const withMarkdown: string[] = [];
  for (const folder of cleaned) {
    // A folder inside another runbook folder is read with it.
    if (withMarkdown.some((outer) => folder.startsWith(`${outer}/`))) continue;
    if (await listing.holdsAny(['**/*.{md,mdx,markdown,md.erb}'], { cwd: folder, caseSensitiveMatch: false, ignore: IGNORED })) withMarkdown.push(folder);
  }
  return withMarkdown;
}

/** Repo-relative paths of every candidate runbook file, sorted. */
export async function discoverRunbooks(context: SourceContext): Promise<string[]> {
  const folders = await findRunbookFolders(context);
  const listing = listingOf(context);
  const files = await Promise.all(
    folders.map((folder) =>
      listing.glob(RUNBOOK_FILE_GLOBS, { cwd: folder, caseSensitiveMatch: false, followSymbolicLinks: false, ignore: IGNORED, extglob: true })
        .then((matches) => matches.map((match) => path.posix.join(folder, match))),
    ),
  );
  return [...new Set(files.flat())].sort();
}
