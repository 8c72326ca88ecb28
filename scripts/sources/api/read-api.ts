import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ApiModule } from '../../model/schemas/api.ts';
import { repoFiles } from '../shared/repo-files.ts';
import { findEntryPoints } from './entry-points.ts';

/** Bump when the cached module format changes, so old caches are not reused. */
const CACHE_FORMAT = 1;
const TYPEDOC_VERSION: string = (createRequire(import.meta.url)('typedoc/package.json') as { version: string }).version;

export interface ApiResult {
  modules: ApiModule[];
  diagnostics: Diagnostic[];
  /** `hit`: TypeDoc was skipped, sources unchanged; `miss`: TypeDoc ran; `none`: nothing to document. */
  cache: 'hit' | 'miss' | 'none';
  /** Seconds TypeDoc took (0 on a cache hit), for the build summary only. */
  seconds: number;
  /** The files TypeDoc read, for the build report. */
  entryPoints: string[];
}

/**
 * Documents the service's TypeScript API with TypeDoc's programmatic API: no plugins, no scripts
 * of the service run, type errors tolerated (dependencies are often not installed). The result is
 * cached under a hash of every TypeScript source, tsconfig and package.json, so a build with
 * unchanged sources does not run TypeDoc at all.
 */
export async function readApi(repoRoot: string, configured: string[] | undefined, cacheDir: string | null): Promise<ApiResult> {
  const { files: entryPoints, tried } = await findEntryPoints(repoRoot, configured);
  if (entryPoints.length === 0) {
    return {
      modules: [], cache: 'none', seconds: 0, entryPoints,
      diagnostics: [createDiagnostic({ file: null }, {
        severity: 'info',
        code: 'api/no-entry-points',
        message: `No TypeScript entry point was found, so the site has no API reference (tried: ${tried.join('; ')}).`,
        hint: 'Set `api.entryPoints` in handover.config.yaml, e.g. [src/index.ts].',
      })],
    };
  }
  const sources = await repoFiles(repoRoot, ['**/*.{ts,tsx,mts,cts}', '**/tsconfig*.json', '**/package.json', 'typedoc.json']);
  const hash = createHash('sha256').update(`${CACHE_FORMAT} ${TYPEDOC_VERSION} ${entryPoints.join(',')}\n`);
  for (const file of sources) hash.update(`${file}\0`).update(await readFile(path.join(repoRoot, file)).catch(() => Buffer.alloc(0))).update('\0');
  const cacheFile = cacheDir ? path.join(cacheDir, 'handover-api', `${hash.digest('hex').slice(0, 32)}.json`) : null;
  const cached = cacheFile ? await readFile(cacheFile, 'utf8').catch(() => null) : null;
  if (cached) {
    const value = JSON.parse(cached) as { modules: ApiModule[]; diagnostics: Diagnostic[] };
    return { ...value, cache: 'hit', seconds: 0, entryPoints };
  }
  const started = performance.now();
  const { modules, diagnostics } = await runTypedoc(repoRoot, entryPoints);
  if (cacheFile) {
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify({ modules, diagnostics }));
  }
  return { modules, diagnostics, cache: 'miss', seconds: (performance.now() - started) / 1000, entryPoints };
}

async function runTypedoc(repoRoot: string, entryPoints: string[]): Promise<{ modules: ApiModule[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
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
    return { modules, diagnostics };
  } catch (error) {
    diagnostics.push(createDiagnostic({ file: entryPoints[0] ?? null }, {
      severity: 'warning',
      code: 'api/typedoc-failed',
      message: `TypeDoc could not document ${entryPoints.join(', ')}: ${(error as Error).message.split('\n')[0]}. The rest of the site was built.`,
      hint: 'Check that tsconfig.json is valid JSON and that the entry points exist, or set `api.entryPoints` in handover.config.yaml.',
    }));
    return { modules: [], diagnostics };
  }
}

/** A tsconfig for a repo without one, so TypeDoc never falls back to Handover's own. */
async function defaultTsconfig(files: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'handover-tsconfig-'));
  const file = path.join(folder, 'tsconfig.json');
  await writeFile(file, JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true, skipLibCheck: true, strict: false, noEmit: true }, files }));
  return file;
}
