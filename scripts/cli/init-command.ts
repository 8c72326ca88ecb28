import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fillPlaceholders, readTemplate, TEMPLATES_ROOT, type TemplateValues } from '../authoring/fill-template.ts';
import type { AdrFormat } from '../authoring/new-adr.ts';
import { CI_FILES, planScaffold, type CiProvider, type PlannedFile, type RepoInventory, type ScaffoldChoices } from '../authoring/scaffold-plan.ts';
import { CONFIG_FILE_NAMES, loadConfig } from '../config/load-config.ts';
import { buildDate } from '../ingest.ts';
import { discoverAdrs, findAdrLocations } from '../sources/adr/discover-adrs.ts';
import { debtSource } from '../sources/debt/index.ts';
import { runGit } from '../sources/git/run-git.ts';
import { findRunbookFolders } from '../sources/runbook/discover-runbooks.ts';
import { trainingSource } from '../sources/training/index.ts';
import type { SourceContext } from '../sources/types.ts';
import { ExitCode } from './exit-codes.ts';
import { createPrompter } from './prompter.ts';
import type { Reporter } from './reporter.ts';
import { resolveRepo } from './resolve-paths.ts';

export interface InitOptions {
  repo?: string;
  format?: AdrFormat;
  ci?: CiProvider;
  yes?: boolean;
  dryRun?: boolean;
}

/**
 * `handover init`: scaffolds what a service repo lacks (an ADR folder with its first ADR and
 * template, a runbook template, a debt register, a training module, a commented config, a CI
 * workflow), and never overwrites a file. Asks on a terminal; in CI takes flags and defaults.
 */
export async function initCommand(options: InitOptions, reporter: Reporter, interactive: boolean): Promise<number> {
  // The folder the user is in, not the demo service: init writes into the repository.
  const repoRoot = await resolveRepo(options.repo ?? process.cwd());
  const { config } = await loadConfig(repoRoot);
  const context: SourceContext = { repoRoot, config };
  const defaults: ScaffoldChoices = { format: 'nygard', ci: await defaultCi(repoRoot) };
  const prompter = interactive && !options.yes && !options.dryRun ? createPrompter() : null;
  try {
    const choices: ScaffoldChoices = {
      format: options.format ?? (prompter ? await prompter.choose('ADR format: nygard (as adr-tools writes) or madr?', ['nygard', 'madr'] as const, defaults.format) : defaults.format),
      ci: options.ci ?? (prompter ? await prompter.choose('Publish the site from which CI?', ['github', 'gitlab', 'none'] as const, defaults.ci) : defaults.ci),
    };
    const inventory = await takeInventory(context, choices);
    const plan = planScaffold(choices, inventory);
    const values: TemplateValues = { SERVICE_NAME: await serviceName(repoRoot), DATE: buildDate(), HANDOVER_VERSION: await handoverVersion(), ADR_FOLDER: inventory.adrFolder ?? 'docs/adr', DEFAULT_BRANCH: await defaultBranch(repoRoot) };
    const creates = plan.filter((entry) => entry.action === 'create');
    if (options.dryRun || prompter) {
      reporter.info(options.dryRun ? `Plan for ${repoRoot} (--dry-run: nothing is written):` : `Plan for ${repoRoot}:`);
      for (const entry of plan) reporter.info(describe(entry, entry.action));
    }
    if (options.dryRun) {
      await printHandJobs(plan, values);
      return ExitCode.Success;
    }
    if (prompter && creates.length > 0 && !(await prompter.confirm(`Create ${creates.length} file${creates.length === 1 ? '' : 's'}?`))) {
      reporter.info('Nothing written.');
      return ExitCode.Success;
    }
    for (const entry of plan) {
      if (entry.action === 'create') await createFile(repoRoot, entry, values);
      if (!prompter || entry.action === 'create') reporter.info(describe(entry, entry.action === 'create' ? 'created' : 'kept'));
    }
    await printHandJobs(plan, values);
    if (creates.length > 0) reporter.info(`Next: fill in the templates, commit them, and run \`handover build${repoRoot === process.cwd() ? '' : ` --repo ${repoRoot}`}\`.`);
    return ExitCode.Success;
  } finally {
    prompter?.close();
  }
}

/** What exists already: each area as its source finds it, and each file the plan could write. */
async function takeInventory(context: SourceContext, choices: ScaffoldChoices): Promise<RepoInventory> {
  const { repoRoot } = context;
  const locations = await findAdrLocations(context);
  const adrFolder = locations.folders[0] ?? null;
  const adrFiles = adrFolder ? (await discoverAdrs(context)).filter((file) => file.startsWith(`${adrFolder}/`)) : locations.rootFiles;
  const candidates = [
    `${adrFolder ?? 'docs/adr'}/0001-record-architecture-decisions.md`, `${adrFolder ?? 'docs/adr'}/templates/template.md`, `${adrFolder ?? 'docs/adr'}/adr-template.md`, '.adr-dir',
    'docs/runbooks/TEMPLATE.md', 'docs/debt/README.md', 'docs/training/01-getting-started.md', 'handover.config.yaml',
    ...(choices.ci === 'none' ? [] : [CI_FILES[choices.ci].path]),
  ];
  const existing = new Set<string>();
  for (const candidate of candidates) if (await exists(path.join(repoRoot, candidate))) existing.add(candidate);
  const configFile = (await Promise.all(CONFIG_FILE_NAMES.map(async (name) => ((await exists(path.join(repoRoot, name))) ? name : null)))).find(Boolean) ?? null;
  return {
    adrFolder,
    adrFolderHasFiles: adrFiles.length > 0,
    runbookFolders: await findRunbookFolders(context),
    debtLogs: await debtSource.discover(context),
    trainingFiles: await trainingSource.discover(context),
    configFile,
    existing,
  };
}

/** GitLab when the repo already has a GitLab pipeline or remote; else GitHub. */
async function defaultCi(repoRoot: string): Promise<CiProvider> {
  if (await exists(path.join(repoRoot, '.gitlab-ci.yml'))) return 'gitlab';
  const remote = await runGit(['remote', 'get-url', 'origin'], repoRoot);
  return remote && /gitlab/i.test(remote) ? 'gitlab' : 'github';
}

/**
 * The repository's default branch, for the CI templates: the one `origin/HEAD` names (a clone
 * sets it), else a local `main` or `master`, else the branch checked out, else `main`.
 */
export async function defaultBranch(repoRoot: string): Promise<string> {
  const remoteHead = (await runGit(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], repoRoot))?.trim();
  if (remoteHead?.startsWith('origin/')) return remoteHead.slice('origin/'.length);
  for (const branch of ['main', 'master']) {
    if ((await runGit(['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], repoRoot)) !== null) return branch;
  }
  return (await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], repoRoot))?.trim() || 'main';
}

async function createFile(repoRoot: string, entry: PlannedFile, values: TemplateValues): Promise<void> {
  const text = entry.text ?? fillPlaceholders(await readTemplate(entry.template!), values);
  const target = path.join(repoRoot, entry.path);
  await mkdir(path.dirname(target), { recursive: true });
  // `wx` fails rather than overwrite, should the file appear between the plan and the write.
  await writeFile(target, text, { flag: 'wx' });
}

/** Prints the CI job to add by hand to a pipeline file that exists already. */
async function printHandJobs(plan: readonly PlannedFile[], values: TemplateValues): Promise<void> {
  for (const entry of plan) {
    if (entry.action !== 'keep' || !entry.template) continue;
    process.stdout.write(`\n# From ${path.join(TEMPLATES_ROOT, entry.template)}, for ${entry.path}:\n\n${fillPlaceholders(await readTemplate(entry.template), values)}\n`);
  }
}

function describe(entry: PlannedFile, verb: string): string {
  return `${verb.padEnd(7)} ${entry.path}${entry.note ? ` (${entry.note})` : ''}`;
}

/** The service's name for the templates: package.json `name`, else the folder's name. */
async function serviceName(repoRoot: string): Promise<string> {
  const packageJson = await readFile(path.join(repoRoot, 'package.json'), 'utf8').then((text) => JSON.parse(text) as { name?: unknown }, () => null);
  return typeof packageJson?.name === 'string' && packageJson.name.trim() ? packageJson.name.trim() : path.basename(repoRoot);
}

/** This Handover's version, which the CI templates pin. */
async function handoverVersion(): Promise<string> {
  const packageJson = JSON.parse(await readFile(path.join(TEMPLATES_ROOT, '..', 'package.json'), 'utf8')) as { version: string };
  return packageJson.version;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}
