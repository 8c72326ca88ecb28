import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ApiModule } from '../../model/schemas/api.ts';

export interface TypedocInput {
  repoRoot: string;
  /** Entry points, relative to the repo root. */
  entryPoints: string[];
}

export interface TypedocOutput {
  modules: ApiModule[];
  diagnostics: Diagnostic[];
}

/**
 * Documents the entry points with TypeDoc's programmatic API: no plugins, no scripts of the
 * service run, type errors tolerated (dependencies are often not installed). A failure is a
 * warning diagnostic and no modules, never a throw.
 */
export async function runTypedoc({ repoRoot, entryPoints }: TypedocInput): Promise<TypedocOutput> {
  const tsconfig = (await stat(path.join(repoRoot, 'tsconfig.json')).catch(() => null)) ? path.join(repoRoot, 'tsconfig.json') : await defaultTsconfig(entryPoints.map((file) => path.join(repoRoot, file)));
  try {
    // TypeDoc (with TypeScript) takes 0.6 s to load, which a build with its API cached never needs.
    const [{ Application }, { reflectionsToModules }] = await Promise.all([import('typedoc'), import('./reflections-to-modules.ts')]);
    const app = await Application.bootstrap({
      entryPoints: entryPoints.map((file) => path.join(repoRoot, file)),
      entryPointStrategy: 'resolve',
      tsconfig,
      // Type errors (often just missing dependencies) must not stop the documentation.
      skipErrorChecking: true,
      excludePrivate: true,
      excludeInternal: true,
      excludeExternals: true,
      readme: 'none',
      basePath: repoRoot,
      logLevel: 'None',
      // bootstrap (not bootstrapWithPlugins) never loads plugins a tsconfig or typedoc.json names.
      plugin: [],
    });
    const project = await app.convert();
    if (!project) throw new Error('TypeDoc could not read the entry points');
    const modules = reflectionsToModules(project, entryPoints);
    // Source paths are relative to the repo root (basePath), as POSIX paths.
    for (const module of modules) for (const member of module.members) if (member.source) member.source.path = member.source.path.split(path.sep).join('/');
    return { modules, diagnostics: [] };
  } catch (error) {
    return { modules: [], diagnostics: [typedocFailed(entryPoints, (error as Error).message)] };
  }
}

/** The warning for a TypeDoc run that documented nothing: the rest of the site still builds. */
export function typedocFailed(entryPoints: string[], reason: string): Diagnostic {
  return createDiagnostic({ file: entryPoints[0] ?? null }, {
    severity: 'warning',
    code: 'api/typedoc-failed',
    message: `TypeDoc could not document ${entryPoints.join(', ')}: ${reason.split('\n')[0]}. The rest of the site was built.`,
    hint: 'Check that tsconfig.json is valid JSON and that the entry points exist, or set `api.entryPoints` in handover.config.yaml.',
  });
}

/** A tsconfig for a repo without one, so TypeDoc never falls back to Handover's own. */
async function defaultTsconfig(files: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'handover-tsconfig-'));
  const file = path.join(folder, 'tsconfig.json');
  await writeFile(file, JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true, skipLibCheck: true, strict: false, noEmit: true }, files }));
  return file;
}
