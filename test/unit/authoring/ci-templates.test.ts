import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillPlaceholders, readTemplate } from '../../../scripts/authoring/fill-template.ts';

const values = { SERVICE_NAME: 'blue-widgets', DATE: '2026-11-27', HANDOVER_VERSION: '0.1.0', ADR_FOLDER: 'docs/adr', DEFAULT_BRANCH: 'trunk' };
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
    expect(workflow.on).toEqual({ release: { types: ['published'] }, push: { branches: ['trunk'] }, workflow_dispatch: null });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    // Releases and runs by hand deploy one at a time, never cancelled; a newer push cancels an older one's build.
    expect(workflow.concurrency).toEqual({ group: "handover-${{ github.event_name == 'push' && 'push' || 'pages' }}", 'cancel-in-progress': "${{ github.event_name == 'push' }}" });
  });

  it('keeps the build caches between runs, and publishes only releases and runs by hand (a push only warms the caches)', async () => {
    const workflow = await load('ci/github/handover.yml');
    const steps = workflow.jobs.build.steps as (Step & { if?: string })[];
    // A run on a release's tag restores caches of the default branch, where pushes save them.
    expect(steps.find((step) => step.uses === 'actions/cache@v4')?.with).toEqual({
      path: '${{ runner.temp }}/handover-work/cache',
      key: 'handover-0.1.0-${{ runner.os }}-${{ github.sha }}',
      'restore-keys': 'handover-0.1.0-${{ runner.os }}-',
    });
    for (const command of ['check', 'build']) expect(steps.find((step) => step.run?.startsWith(`$HANDOVER ${command} `))?.run).toContain(' --work-dir "$RUNNER_TEMP/handover-work" ');
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.if).toBe("github.event_name != 'push'");
    expect(workflow.jobs.deploy.if).toBe("github.event_name != 'push'");
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
    expect(runs).toContain('$HANDOVER check --repo . --work-dir "$RUNNER_TEMP/handover-work" --markdown "$GITHUB_STEP_SUMMARY" ${HANDOVER_MIN_SCORE:+--min-score "$HANDOVER_MIN_SCORE"}');
    expect(runs).toContain('$HANDOVER build --repo . --work-dir "$RUNNER_TEMP/handover-work" --out "$RUNNER_TEMP/handover-site" --site-url "${{ steps.pages.outputs.origin }}" --base "${{ steps.pages.outputs.base_path }}/"');
    expect(steps.map((step) => step.uses?.split('@')[0] ?? step.run?.split(' ')[1])).toEqual(['actions/checkout', 'actions/setup-node', 'actions/cache', 'actions/configure-pages', 'check', 'build', 'actions/upload-pages-artifact']);
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
    expect(script).toContain('$HANDOVER check --repo . --work-dir .handover-work --markdown handover-check.md');
    expect(script).toContain('$HANDOVER build --repo . --work-dir .handover-work --out public --site-url "$PAGES_ORIGIN" --base "$PAGES_BASE"');
    expect(pages.artifacts.paths).toEqual(['public', 'handover-check.md']);
    // The build caches, kept from one tag's build to the next (GitLab caches only paths in the project).
    expect(pages.cache).toEqual({ key: 'handover-0.1.0', paths: ['.handover-work/cache/'] });
  });
});
