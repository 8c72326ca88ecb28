import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from './run-cli.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding the demo service's built site. */
    demoSite: string;
  }
}

/** Builds the demo service's site once for every site-level test (integration, e2e, a11y). */
export default async function setup(project: TestProject) {
  const folder = await mkdtemp(path.join(tmpdir(), 'handover-demo-'));
  const out = path.join(folder, 'dist');
  const result = await runCli(['build', '--out', out, '--work-dir', path.join(folder, 'work')]);
  if (result.code !== 0) {
    throw new Error(`Building the demo site failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('demoSite', out);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
