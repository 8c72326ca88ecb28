import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readTemplate } from '../authoring/fill-template.ts';
import { adrNumberOfFile, detectAdrFormat, isMadr, planNewAdr, type ExistingAdr } from '../authoring/new-adr.ts';
import { loadConfig } from '../config/load-config.ts';
import { buildDate } from '../ingest.ts';
import { CONVENTIONAL_ADR_FOLDERS, discoverAdrs, findAdrLocations } from '../sources/adr/discover-adrs.ts';
import { adrSource } from '../sources/adr/index.ts';
import type { SourceContext } from '../sources/types.ts';
import { ExitCode } from './exit-codes.ts';
import type { Reporter } from './reporter.ts';
import { resolveRepo, UsageError } from './resolve-paths.ts';

export interface AdrNewOptions {
  repo?: string;
  supersedes?: number;
  status?: 'accepted' | 'proposed';
  dryRun?: boolean;
}

/** Templates a team may keep in its ADR folder, adr-tools' first. Used when they hold adr-tools' placeholders. */
const FOLDER_TEMPLATES = ['templates/template.md', 'adr-template.md', 'template.md'];

/**
 * `handover adr new "Title"`: writes the next ADR in the repo's ADR folder, numbered and laid out
 * as adr-tools would (or as MADR, when the folder uses it); `--supersedes N` links both ways.
 */
export async function adrNewCommand(title: string, options: AdrNewOptions, reporter: Reporter): Promise<number> {
  if (!title.trim()) throw new UsageError('Give the decision a title: handover adr new "Use PostgreSQL for applications".');
  const repoRoot = await resolveRepo(options.repo ?? process.cwd());
  const { config } = await loadConfig(repoRoot);
  const context: SourceContext = { repoRoot, config };
  const folder = (await findAdrLocations(context)).folders[0];
  if (!folder) throw new UsageError(`There is no ADR folder in ${repoRoot}; run \`handover init\` to start docs/adr, or name the folder in adr.paths of handover.config.yaml.`);
  // Reading may find ADRs in a nested folder (`services/x/docs/adr`); writing needs a folder the
  // repo names (config, .adr-dir, .log4brains.yml) or the usual one at the root.
  if (!(await isDeclaredOrConventional(context, folder))) {
    throw new UsageError(`The only ADRs in ${repoRoot} are in ${folder}, which the repository does not name as its ADR folder; to write there, put "${folder}" in a .adr-dir file (as adr-tools does) or in adr.paths of handover.config.yaml.`);
  }
  const existing = await readExistingAdrs(context, folder);
  const folderTemplate = await readFolderTemplate(repoRoot, folder);
  // A team's own template is used when it has adr-tools' placeholders; otherwise Handover's, in
  // the format the folder already uses.
  const usable = folderTemplate && /\bTITLE\b/.test(folderTemplate.text) ? folderTemplate.text : null;
  const format = usable ? (isMadr(usable) ? 'madr' : 'nygard') : detectAdrFormat(existing, folderTemplate?.text ?? null);
  const result = planNewAdr({
    folder, title: title.trim(), date: buildDate(), status: options.status ?? 'accepted', format,
    template: usable ?? (await readTemplate(`adr/${format}.md`)), existing, supersedes: options.supersedes,
  });
  if ('problem' in result) throw new UsageError(result.problem);
  const [created, ...updated] = result.changes;
  if (options.dryRun) {
    reporter.info(`Would create ${created!.path}${updated.length > 0 ? ` and mark ${updated.map((change) => change.path).join(', ')} as superseded` : ''}:`);
    process.stdout.write(`${created!.text}`);
    return ExitCode.Success;
  }
  await mkdir(path.join(repoRoot, folder), { recursive: true });
  await writeFile(path.join(repoRoot, created!.path), created!.text, { flag: 'wx' });
  for (const change of updated) await writeFile(path.join(repoRoot, change.path), change.text);
  reporter.info(`Created ${created!.path} (${format === 'madr' ? 'MADR' : 'Nygard, as adr-tools writes'}).`);
  for (const change of updated) reporter.info(`Marked ${change.path} as superseded by ADR ${created!.ref}.`);
  return ExitCode.Success;
}

/** The numbered ADRs in the folder, with the titles the ADR source reads from them. */
async function readExistingAdrs(context: SourceContext, folder: string): Promise<ExistingAdr[]> {
  const files = (await discoverAdrs(context)).filter((file) => file.startsWith(`${folder}/`));
  const adrs: ExistingAdr[] = [];
  for (const file of files) {
    const number = adrNumberOfFile(path.posix.basename(file));
    if (number === null) continue;
    const text = await readFile(path.join(context.repoRoot, file), 'utf8');
    const record = adrSource.parse({ path: file, text }, context).records[0];
    // Templates (`0000-template.md`) and indexes are skipped by the source, so not counted.
    if (record) adrs.push({ path: file, number, title: record.title, text });
  }
  return adrs;
}

async function isDeclaredOrConventional(context: SourceContext, folder: string): Promise<boolean> {
  if (context.config.adr.paths) return true;
  if (CONVENTIONAL_ADR_FOLDERS.some((known) => known.toLowerCase() === folder.toLowerCase())) return true;
  const declares = await Promise.all(['.adr-dir', '.log4brains.yml'].map((name) => stat(path.join(context.repoRoot, name)).then(() => true, () => false)));
  return declares.includes(true);
}

async function readFolderTemplate(repoRoot: string, folder: string): Promise<{ path: string; text: string } | null> {
  for (const name of FOLDER_TEMPLATES) {
    const text = await readFile(path.join(repoRoot, folder, name), 'utf8').catch(() => null);
    if (text !== null) return { path: `${folder}/${name}`, text };
  }
  return null;
}
