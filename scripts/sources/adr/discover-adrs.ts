import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import type { SourceContext } from '../types.ts';

/** Folders where teams keep ADRs, in the order adr-tools, MADR and log4brains users write them. */
export const CONVENTIONAL_ADR_FOLDERS = [
  'docs/adr',
  'docs/adrs',
  'doc/adr',
  'docs/decisions',
  'docs/architecture/decisions',
  'docs/architecture/adr',
  'architecture-decision-record',
  'architecture-decision-records',
  'ADR',
  'adr',
  'decisions',
];

/** The folders ADRs are read from: config, else `.adr-dir` / `.log4brains.yml`, else conventions. */
export async function findAdrFolders(context: SourceContext): Promise<string[]> {
  const configured = context.config.adr.paths;
  if (configured) return configured.map((folder) => folder.replace(/^\.\/|\/$/g, ''));
  const declared = await declaredFolder(context.repoRoot);
  const candidates = declared ? [declared, ...CONVENTIONAL_ADR_FOLDERS] : CONVENTIONAL_ADR_FOLDERS;
  const found: string[] = [];
  for (const folder of candidates) {
    if (found.includes(folder)) continue;
    // Case-insensitive file systems would list `ADR` and `adr` twice.
    if (found.some((other) => other.toLowerCase() === folder.toLowerCase())) continue;
    if (await isDirectory(path.join(context.repoRoot, folder))) found.push(folder);
  }
  return found;
}

/** Repo-relative paths of every Markdown file in the ADR folders, sorted. */
export async function discoverAdrs(context: SourceContext): Promise<string[]> {
  const folders = await findAdrFolders(context);
  const files = await Promise.all(
    folders.map((folder) =>
      glob(['**/*.{md,mdx,markdown}'], { cwd: path.join(context.repoRoot, folder), caseSensitiveMatch: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })
        .then((matches) => matches.map((match) => path.posix.join(folder, match))),
    ),
  );
  return [...new Set(files.flat())].sort();
}

async function declaredFolder(repoRoot: string): Promise<string | null> {
  const adrDir = await readFile(path.join(repoRoot, '.adr-dir'), 'utf8').catch(() => null);
  if (adrDir?.trim()) return adrDir.trim().replace(/^\.\/|\/$/g, '');
  const log4brains = await readFile(path.join(repoRoot, '.log4brains.yml'), 'utf8').catch(() => null);
  if (log4brains) {
    try {
      const folder = (parseYaml(log4brains) as { project?: { adrFolder?: unknown } } | null)?.project?.adrFolder;
      if (typeof folder === 'string' && folder.trim()) return folder.trim().replace(/^\.\/|\/$/g, '');
    } catch {
      // A broken .log4brains.yml is log4brains' concern; fall back to the conventional folders.
    }
  }
  return null;
}

async function isDirectory(folder: string): Promise<boolean> {
  return stat(folder).then((info) => info.isDirectory(), () => false);
}
