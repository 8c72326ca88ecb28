import { describe, expect, it } from 'vitest';
import { appendToLog } from '../../../scripts/authoring/append-debt-item.ts';
import { fillPlaceholders, readTemplate, type TemplateValues } from '../../../scripts/authoring/fill-template.ts';
import { planScaffold, type RepoInventory } from '../../../scripts/authoring/scaffold-plan.ts';
import { ConfigSchema } from '../../../scripts/config/schema.ts';
import { parseConfigText } from '../../../scripts/config/load-config.ts';
import { adrSource } from '../../../scripts/sources/adr/index.ts';
import { debtSource } from '../../../scripts/sources/debt/index.ts';
import { runbookSource } from '../../../scripts/sources/runbook/index.ts';
import { trainingSource } from '../../../scripts/sources/training/index.ts';

const empty: RepoInventory = { adrFolder: null, adrFolderHasFiles: false, runbookFolders: [], debtLogs: [], trainingFiles: [], configFile: null, existing: new Set() };
const values: TemplateValues = { SERVICE_NAME: 'blue-widgets', DATE: '2026-11-27', HANDOVER_VERSION: '0.1.0', ADR_FOLDER: 'docs/adr', DEFAULT_BRANCH: 'trunk' };
const context = { repoRoot: '/nowhere', config: ConfigSchema.parse({}) };
const render = async (template: string) => fillPlaceholders(await readTemplate(template), values);

describe('handover init: the plan', () => {
  it('creates every area in an empty repo: Nygard ADRs with adr-tools files, and the GitHub workflow', () => {
    const plan = planScaffold({ format: 'nygard', ci: 'github' }, empty);
    expect(plan.map((entry) => `${entry.action} ${entry.path}`)).toEqual([
      'create docs/adr/0001-record-architecture-decisions.md',
      'create docs/adr/templates/template.md',
      'create .adr-dir',
      'create docs/runbooks/TEMPLATE.md',
      'create docs/debt/README.md',
      'create docs/training/01-getting-started.md',
      'create handover.config.yaml',
      'create .github/workflows/handover.yml',
    ]);
    expect(plan.find((entry) => entry.path === '.adr-dir')?.text).toBe('docs/adr\n');
  });

  it('writes MADR files for --format madr, and the GitLab job for --ci gitlab', () => {
    const plan = planScaffold({ format: 'madr', ci: 'gitlab' }, empty);
    expect(plan.filter((entry) => entry.path.startsWith('docs/adr') || entry.path.startsWith('.')).map((entry) => [entry.path, entry.template])).toEqual([
      ['docs/adr/0001-record-architecture-decisions.md', 'init/adr-0001-madr.md'],
      ['docs/adr/adr-template.md', 'adr/madr.md'],
      ['.gitlab-ci.yml', 'ci/gitlab/.gitlab-ci.yml'],
    ]);
  });

  it('keeps every area the repo has, and every file that exists, and plans no CI with --ci none', () => {
    const inventory: RepoInventory = {
      adrFolder: 'doc/architecture', adrFolderHasFiles: true, runbookFolders: ['ops/runbooks'], debtLogs: ['TECH_DEBT.md'],
      trainingFiles: ['training/01-intro.md'], configFile: 'handover.config.json', existing: new Set(),
    };
    expect(planScaffold({ format: 'nygard', ci: 'none' }, inventory)).toEqual([
      { path: 'doc/architecture/', action: 'keep', note: 'the repository keeps its ADRs here' },
      { path: 'ops/runbooks/', action: 'keep', note: 'the repository keeps its runbooks here' },
      { path: 'TECH_DEBT.md', action: 'keep', note: 'the repository keeps its debt log here' },
      { path: 'training/', action: 'keep', note: 'the repository keeps its training modules here' },
      { path: 'handover.config.json', action: 'keep', note: 'already there' },
    ]);
  });

  it('starts ADRs in a folder .adr-dir names, and keeps a GitLab pipeline, printing the job to add by hand', () => {
    const plan = planScaffold({ format: 'nygard', ci: 'gitlab' }, { ...empty, adrFolder: 'architecture/adr', existing: new Set(['.gitlab-ci.yml', 'handover.config.yaml']) });
    expect(plan.map((entry) => `${entry.action} ${entry.path}`)).toEqual([
      'create architecture/adr/0001-record-architecture-decisions.md',
      'create architecture/adr/templates/template.md',
      'create docs/runbooks/TEMPLATE.md',
      'create docs/debt/README.md',
      'create docs/training/01-getting-started.md',
      'keep handover.config.yaml',
      'keep .gitlab-ci.yml',
    ]);
    expect(plan.at(-1)).toMatchObject({ template: 'ci/gitlab/.gitlab-ci.yml', note: expect.stringMatching(/add the `pages` job printed below/) });
  });
});

describe('handover init: each file it writes is read by its source as intended', () => {
  it('fills every placeholder of every template', async () => {
    const templates = ['init/adr-0001-nygard.md', 'init/adr-0001-madr.md', 'adr/nygard.md', 'adr/madr.md', 'init/runbook-template.md', 'init/debt-register.md', 'init/training-module.md', 'init/handover.config.yaml', 'ci/github/handover.yml', 'ci/gitlab/.gitlab-ci.yml'];
    for (const template of templates) expect(await render(template), template).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(() => fillPlaceholders('{{NOT_A_PLACEHOLDER}}', values)).toThrow(/has no value/);
    expect(fillPlaceholders('url: ${{ steps.pages.outputs.origin }}', values)).toBe('url: ${{ steps.pages.outputs.origin }}');
  });

  it.each(['nygard', 'madr'])('the first ADR (%s) is an accepted decision, number 1, dated today', async (format) => {
    const file = { path: 'docs/adr/0001-record-architecture-decisions.md', text: await render(`init/adr-0001-${format}.md`) };
    const { records, diagnostics } = adrSource.parse(file, context);
    expect(records.map((adr) => [adr.number, adr.title, adr.status, adr.date])).toEqual([[1, 'Record architecture decisions', 'accepted', '2026-11-27']]);
    expect(diagnostics).toEqual([]);
  });

  it('the ADR templates and the runbook template are skipped as templates, not read as documents', async () => {
    expect(adrSource.parse({ path: 'docs/adr/templates/template.md', text: await render('adr/nygard.md') }, context).skipped).toBe('ADR template');
    expect(adrSource.parse({ path: 'docs/adr/adr-template.md', text: await render('adr/madr.md') }, context).skipped).toBe('ADR template');
    const runbook = runbookSource.parse({ path: 'docs/runbooks/TEMPLATE.md', text: await render('init/runbook-template.md') }, context);
    expect([runbook.records, runbook.skipped]).toEqual([[], 'runbook template']);
  });

  it('the debt register is an empty register that `handover debt new` adds TD-001 to', async () => {
    const text = await render('init/debt-register.md');
    const parsed = debtSource.parse({ path: 'docs/debt/README.md', text }, context);
    expect([parsed.records, parsed.diagnostics, parsed.skipped]).toEqual([[], [], undefined]);
    const change = appendToLog('docs/debt/README.md', text, { title: 'Shared database', taken: '2026-11-27', owner: 'Sian' });
    const [item] = debtSource.parse({ path: change.path, text: change.text }, context).records;
    expect([change.ref, item?.ref, item?.title, item?.status, item?.owner]).toEqual(['TD-001', 'TD-001', 'Shared database', 'open', 'Sian']);
  });

  it('the training module has a title, objectives, a quiz with an answer and a checklist, and no warnings', async () => {
    const { records, diagnostics } = trainingSource.parse({ path: 'docs/training/01-getting-started.md', text: await render('init/training-module.md') }, context);
    expect(records.map((module) => [module.id, module.title, module.order, module.minutes, module.objectives.length, module.quizzes])).toEqual([['01-getting-started', 'Getting started with blue-widgets', 1, 30, 2, 1]]);
    expect(diagnostics).toEqual([]);
  });

  it('the config file, all commented out, is a valid empty config', async () => {
    expect(parseConfigText(await render('init/handover.config.yaml'), 'handover.config.yaml').diagnostics).toEqual([]);
  });
});
