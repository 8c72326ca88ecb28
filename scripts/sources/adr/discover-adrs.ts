import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { listingOf } from '../shared/repo-files.ts';
import type { SourceContext } from '../types.ts';

/** Folders where teams keep ADRs, in the order adr-tools, MADR and log4brains users write them. */
export const CONVENTIONAL_ADR_FOLDERS = [
  'docs/adr',
  'docs/adrs',
  'doc/adr',
  'doc/adrs',
  'docs/decisions',
  'docs/architecture/decisions',
  'docs/architecture/adr',
  'docs/architecture-decisions',
  'docs/architecture-decision-records',
  'architecture-decision-record',
  'architecture-decision-records',
  'ADR',
  'adr',
  'decisions',
];

/** Folder names that hold ADRs wherever they sit (`docs/ocis/adr`, `services/x/docs/decisions`). */
const ADR_FOLDER_NAMES = ['adr', 'adrs', 'decisions', 'architecture-decisions', 'architecture-decision-records', 'architecture-decision-record', 'decision-records', 'decision-log'];
/** How deep below the root such folders are looked for. */
const MAX_FOLDER_DEPTH = 4;
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/.*/**'];
/** ADR files kept at the repo root (`adr-001-use-x.md`), when there is no ADR folder. */
const ROOT_ADR_FILE = /^adr[-_]?\d+[-_].*\.(md|mdx|markdown)$/i;

/** Where ADRs are read from: folders (config, `.adr-dir`/`.log4brains.yml`, or found), or root files. */
export interface AdrLocations {
  folders: string[];
  /** ADR files at the repo root, read when no folder holds ADRs. */
  rootFiles: string[];
}

/**
 * Finds the ADR folders: config, else the declared folder, else conventional and well-named folders.
 * Remembered per loaded config and repo, so a build that reads the ADRs and then names their
 * folders on the site searches the repository once (a whole-repo search in a monorepo).
 */
export function findAdrLocations(context: SourceContext): Promise<AdrLocations> {
  let byRepo = remembered.get(context.config);
  if (!byRepo) remembered.set(context.config, (byRepo = new Map()));
  let found = byRepo.get(context.repoRoot);
  if (!found) {
    found = searchAdrLocations(context);
    byRepo.set(context.repoRoot, found);
  }
  return found;
}
const remembered = new WeakMap<SourceContext['config'], Map<string, Promise<AdrLocations>>>();

async function searchAdrLocations(context: SourceContext): Promise<AdrLocations> {
  const configured = context.config.adr.paths;
  if (configured) return { folders: configured.map(cleanFolder), rootFiles: [] };
  const declared = await declaredFolder(context.repoRoot);
  if (declared) return { folders: [declared], rootFiles: [] };
  const listing = listingOf(context);
  // One directory listing, matched case-insensitively (`docs/ADRs`, `Docs/ADR`).
  const directories = await listing.glob(ADR_FOLDER_NAMES.map((name) => `**/${name}/`), { onlyDirectories: true, caseSensitiveMatch: false, deep: MAX_FOLDER_DEPTH, ignore: IGNORED, followSymbolicLinks: false });
  const withMarkdown = await Promise.all(directories.map(async (folder) => ((await listing.holdsAny(['**/*.{md,mdx,markdown}'], { cwd: folder, caseSensitiveMatch: false, ignore: IGNORED })) ? folder : null)));
  const found = withMarkdown.filter((folder): folder is string => folder !== null).map(cleanFolder).sort(byConvention);
  // Conventional folders at their usual place win; a deeper search (`docs/ocis/adr`) is only for
  // repos that have none, so an example or vendored project's ADRs are not mixed in.
  const conventional = found.filter((folder) => CONVENTIONAL_ADR_FOLDERS.some((known) => known.toLowerCase() === folder.toLowerCase()));
  const candidates = conventional.length > 0 ? conventional : found;
  // A folder inside another ADR folder is read with it (`docs/adr/superseded/`).
  const folders = candidates.filter((folder) => !candidates.some((other) => other !== folder && folder.toLowerCase().startsWith(`${other.toLowerCase()}/`)));
  if (folders.length > 0) return { folders, rootFiles: [] };
  const rootFiles = await listing.glob(['*.{md,mdx,markdown}'], { caseSensitiveMatch: false, deep: 1 });
  return { folders: [], rootFiles: rootFiles.filter((file) => ROOT_ADR_FILE.test(file)).sort() };
}

/** Repo-relative paths of every Markdown file in the ADR folders (and root ADR files), sorted. */
export async function discoverAdrs(context: SourceContext): Promise<string[]> {
  const { folders, rootFiles } = await findAdrLocations(context);
  const listing = listingOf(context);
  const files = await Promise.all(
    folders.map((folder) =>
      listing.glob(['**/*.{md,mdx,markdown}'], { cwd: folder, caseSensitiveMatch: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })
        .then((matches) => matches.map((match) => path.posix.join(folder, match))),
    ),
  );
  return [...new Set([...files.flat(), ...rootFiles])].sort();
}

/** Conventional folders first, in the documented order, then the rest alphabetically. */
function byConvention(a: string, b: string): number {
  const rank = (folder: string) => {
    const index = CONVENTIONAL_ADR_FOLDERS.findIndex((known) => known.toLowerCase() === folder.toLowerCase());
    return index === -1 ? CONVENTIONAL_ADR_FOLDERS.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function cleanFolder(folder: string): string {
  return folder.replace(/^\.\//, '').replace(/\/+$/, '');
}

async function declaredFolder(repoRoot: string): Promise<string | null> {
  const adrDir = await readFile(path.join(repoRoot, '.adr-dir'), 'utf8').catch(() => null);
  if (adrDir?.trim()) return cleanFolder(adrDir.trim());
  const log4brains = await readFile(path.join(repoRoot, '.log4brains.yml'), 'utf8').catch(() => null);
  if (log4brains) {
    try {
      const folder = (parseYaml(log4brains) as { project?: { adrFolder?: unknown } } | null)?.project?.adrFolder;
      if (typeof folder === 'string' && folder.trim()) return cleanFolder(folder.trim());
    } catch {
      // A broken .log4brains.yml is log4brains' concern; fall back to the conventional folders.
    }
  }
  return null;
}
