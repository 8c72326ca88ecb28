import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEntryPoints } from '../../../scripts/sources/api/entry-points.ts';
import { readApi } from '../../../scripts/sources/api/read-api.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

const DEMO = path.join(PROJECT_ROOT, 'examples', 'demo-service');

/** The names a module exports, according to the TypeScript compiler itself (not TypeDoc). */
function exportedNames(entry: string): string[] {
  const program = ts.createProgram([entry], { noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker.getExportsOfModule(symbol).map((item) => item.getName()).sort();
}

describe('the API source (TypeDoc)', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'handover-api-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('documents every exported symbol of a repo whose dependencies are not installed', async () => {
    // A copy, without node_modules: fastify, zod and pino are imported but absent.
    const repo = path.join(scratch, 'demo');
    await cp(DEMO, repo, { recursive: true });
    const result = await readApi(repo, undefined, null);
    expect(result.entryPoints).toEqual(['src/index.ts']);
    const documented = result.modules.flatMap((module) => module.members.map((member) => member.name)).sort();
    expect(documented).toEqual(exportedNames(path.join(repo, 'src/index.ts')));
    const badge = result.modules.find((module) => module.id === 'domain-badge')!;
    const expiry = badge.members.find((member) => member.name === 'calculateExpiry')!;
    expect(expiry.comment).toMatch(/^Calculates the expiry date for a new badge\./);
    expect(expiry.comment).toContain('[`BADGE_VALIDITY_YEARS`](site:api/domain-badge/#badge_validity_years)');
    expect(expiry.params.map((parameter) => parameter.name)).toEqual(['issuedOn', 'options']);
    expect(expiry.examples[0]).toContain('calculateExpiry(');
    expect(badge.members.find((member) => member.name === 'formatLegacyBadgeNumber')!.deprecated).toMatch(/generateBadgeNumber/);
    const application = result.modules.find((module) => module.id === 'domain-application')!;
    expect(application.documented).toBe(application.symbols - 1);
  });

  it('reuses its cached output while the sources are unchanged, and runs again when one changes', async () => {
    const repo = path.join(scratch, 'cached');
    await cp(DEMO, repo, { recursive: true });
    const cache = path.join(scratch, 'cache');
    expect((await readApi(repo, undefined, cache)).cache).toBe('miss');
    const again = await readApi(repo, undefined, cache);
    expect(again.cache).toBe('hit');
    expect(again.modules.length).toBeGreaterThan(5);
    await writeFile(path.join(repo, 'src/config.ts'), '/** Changed. */\nexport const changed = 1;\n', { flag: 'a' });
    expect((await readApi(repo, undefined, cache)).cache).toBe('miss');
  });

  it('documents what it can of code with type and syntax errors, and says when there is no TypeScript', async () => {
    const broken = path.join(scratch, 'broken');
    await mkdir(path.join(broken, 'src'), { recursive: true });
    await writeFile(path.join(broken, 'src/index.ts'), "import { missing } from 'not-installed';\n/** Adds. */\nexport function add(a: number, b: number): number { return a + b + missing; }\nexport const bad: number = 'not a number';\n");
    const result = await readApi(broken, undefined, null);
    expect(result.modules.flatMap((module) => module.members.map((member) => member.name))).toEqual(['add', 'bad']);
    const none = path.join(scratch, 'none');
    await mkdir(none, { recursive: true });
    const empty = await readApi(none, undefined, null);
    expect(empty).toMatchObject({ modules: [], cache: 'none' });
    expect(empty.diagnostics[0]).toMatchObject({ code: 'api/no-entry-points', severity: 'info' });
    expect(empty.diagnostics[0]!.message).toMatch(/package\.json exports, types and main/);
  });

  it('finds entry points from package.json exports, mapping built files back to sources', async () => {
    const repo = path.join(scratch, 'package');
    await mkdir(path.join(repo, 'src'), { recursive: true });
    await writeFile(path.join(repo, 'src/main.ts'), 'export const x = 1;\n');
    await writeFile(path.join(repo, 'package.json'), JSON.stringify({ name: 'p', exports: { '.': { import: './dist/main.js' } } }));
    expect((await findEntryPoints(repo, undefined)).files).toEqual(['src/main.ts']);
  });
});
