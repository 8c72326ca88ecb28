import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillPlaceholders, readTemplate } from '../../../scripts/authoring/fill-template.ts';

const values = { SERVICE_NAME: 'blue-widgets', DATE: '2026-11-27', HANDOVER_VERSION: '0.1.0', ADR_FOLDER: 'docs/adr' };
const load = async (template: string) => parse(fillPlaceholders(await readTemplate(template), values), { strict: true, uniqueKeys: true }) as Record<string, any>;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('the GitHub Actions workflow handover init writes', () => {
  it('runs on a published release (and by hand), with the Pages permissions and one deployment at a time', async () => {
    const workflow = await load('ci/github/handover.yml');
    expect(workflow.on).toEqual({ release: { types: ['published'] }, workflow_dispatch: null });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency.group).toBeTruthy();
  });

  it('builds with the whole history on Node 22, checks, builds for the Pages URL, uploads, then deploys', async () => {
    const workflow = await load('ci/github/handover.yml');
    const steps = workflow.jobs.build.steps as Step[];
    const uses = (action: string) => steps.find((step) => step.uses?.startsWith(`${action}@`));
    expect(uses('actions/checkout')?.with).toEqual({ 'fetch-depth': 0 });
    expect(uses('actions/setup-node')?.with).toEqual({ 'node-version': 22 });
    expect(uses('actions/configure-pages')).toMatchObject({ id: 'pages' });
    const runs = steps.map((step) => step.run).filter(Boolean).join('\n');
    expect(workflow.env.HANDOVER).toBe('npx --yes handover@0.1.0');
    expect(runs).toContain('$HANDOVER check --repo . --markdown "$GITHUB_STEP_SUMMARY" ${HANDOVER_MIN_SCORE:+--min-score "$HANDOVER_MIN_SCORE"}');
    expect(runs).toContain('$HANDOVER build --repo . --out "$RUNNER_TEMP/handover-site" --site-url "${{ steps.pages.outputs.origin }}" --base "${{ steps.pages.outputs.base_path }}/"');
    expect(steps.map((step) => step.uses?.split('@')[0] ?? step.run?.split(' ')[1])).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'check', 'build', 'actions/upload-pages-artifact']);
    expect(uses('actions/upload-pages-artifact')?.with).toEqual({ path: '${{ runner.temp }}/handover-site' });
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.environment.name).toBe('github-pages');
    expect((workflow.jobs.deploy.steps as Step[]).map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('the GitLab CI job handover init writes', () => {
  it('is a `pages` job that runs on tags, checks and builds into public/, and keeps both as artifacts', async () => {
    const pipeline = await load('ci/gitlab/.gitlab-ci.yml');
    expect(Object.keys(pipeline)).toEqual(['pages']);
    const pages = pipeline.pages;
    expect(pages.image).toBe('node:22');
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_TAG' }]);
    expect(pages.variables).toMatchObject({ GIT_DEPTH: '0', HANDOVER: 'npx --yes handover@0.1.0' });
    const script = (pages.script as string[]).join('\n');
    expect(script).toContain('$HANDOVER check --repo . --markdown handover-check.md');
    expect(script).toContain('$HANDOVER build --repo . --out public --site-url "$PAGES_ORIGIN" --base "$PAGES_BASE"');
    expect(pages.artifacts.paths).toEqual(['public', 'handover-check.md']);
  });
});
