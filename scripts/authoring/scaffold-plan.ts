import path from 'node:path';
import type { AdrFormat } from './new-adr.ts';

/** Where the handover site is published from: a workflow for GitHub Actions, a job for GitLab CI, or none. */
export type CiProvider = 'github' | 'gitlab' | 'none';

/** The choices `handover init` asks for (or takes from flags, or defaults to). */
export interface ScaffoldChoices {
  format: AdrFormat;
  ci: CiProvider;
}

/** What the repo already has, as the sources' own discovery finds it. */
export interface RepoInventory {
  /** The ADR folder in use (config, `.adr-dir`, or found), or null for none. */
  adrFolder: string | null;
  /** True when that folder already holds ADRs or a template. */
  adrFolderHasFiles: boolean;
  runbookFolders: readonly string[];
  debtLogs: readonly string[];
  trainingFiles: readonly string[];
  configFile: string | null;
  /** Repo-relative paths that exist, among those the plan would write. */
  existing: ReadonlySet<string>;
}

/** One line of the plan: a file to create from a template, or something kept as it is. */
export interface PlannedFile {
  path: string;
  action: 'create' | 'keep';
  /** The template under `templates/`: for a file to create, or a job to add by hand to a kept one. */
  template?: string;
  /** Literal content, for a file that needs no template (`.adr-dir`). */
  text?: string;
  /** Why it is kept, or what to do by hand. */
  note?: string;
}

/** The ADR folder init writes to when the repo has none: adr-tools' and MADR's usual place. */
export const DEFAULT_ADR_FOLDER = 'docs/adr';
/** Where each CI provider's file goes in the service repo, and its template. */
export const CI_FILES: Record<Exclude<CiProvider, 'none'>, { path: string; template: string }> = {
  github: { path: '.github/workflows/handover.yml', template: 'ci/github/handover.yml' },
  gitlab: { path: '.gitlab-ci.yml', template: 'ci/gitlab/.gitlab-ci.yml' },
};

/**
 * Plans what `handover init` writes: each area the repo lacks gets its starting files, and every
 * area or file it has already is kept. Never plans to overwrite. Pure: inventory in, plan out.
 */
export function planScaffold(choices: ScaffoldChoices, inventory: RepoInventory): PlannedFile[] {
  const plan: PlannedFile[] = [];
  const file = (target: string, source: Omit<PlannedFile, 'path' | 'action'>, kept: Omit<PlannedFile, 'path' | 'action'> = { note: 'already there' }) => {
    plan.push(inventory.existing.has(target) ? { path: target, action: 'keep', ...kept } : { path: target, action: 'create', ...source });
  };
  const adrFolder = inventory.adrFolder ?? DEFAULT_ADR_FOLDER;
  if (inventory.adrFolderHasFiles) {
    plan.push({ path: `${adrFolder}/`, action: 'keep', note: 'the repository keeps its ADRs here' });
  } else {
    file(`${adrFolder}/0001-record-architecture-decisions.md`, { template: `init/adr-0001-${choices.format}.md` });
    if (choices.format === 'nygard') {
      // adr-tools reads its template from here and its folder from .adr-dir (its default is doc/adr).
      file(`${adrFolder}/templates/template.md`, { template: 'adr/nygard.md' });
      if (inventory.adrFolder === null) file('.adr-dir', { text: `${adrFolder}\n` });
    } else {
      file(`${adrFolder}/adr-template.md`, { template: 'adr/madr.md' });
    }
  }
  if (inventory.runbookFolders.length > 0) plan.push({ path: `${inventory.runbookFolders[0]}/`, action: 'keep', note: 'the repository keeps its runbooks here' });
  else file('docs/runbooks/TEMPLATE.md', { template: 'init/runbook-template.md' });
  if (inventory.debtLogs.length > 0) plan.push({ path: inventory.debtLogs[0]!, action: 'keep', note: 'the repository keeps its debt log here' });
  else file('docs/debt/README.md', { template: 'init/debt-register.md' });
  if (inventory.trainingFiles.length > 0) plan.push({ path: `${path.posix.dirname(inventory.trainingFiles[0]!)}/`, action: 'keep', note: 'the repository keeps its training modules here' });
  else file('docs/training/01-getting-started.md', { template: 'init/training-module.md' });
  if (inventory.configFile) plan.push({ path: inventory.configFile, action: 'keep', note: 'already there' });
  else file('handover.config.yaml', { template: 'init/handover.config.yaml' });
  if (choices.ci !== 'none') {
    const ci = CI_FILES[choices.ci];
    // A GitLab project has one pipeline file: the job is printed for the user to add by hand.
    const kept = choices.ci === 'gitlab' ? { note: 'already there: add the `pages` job printed below to it by hand', template: ci.template } : { note: 'already there' };
    file(ci.path, { template: ci.template }, kept);
  }
  return plan;
}
