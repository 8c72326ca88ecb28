import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ApiModule } from '../../model/schemas/api.ts';
import { RepoListing } from '../shared/repo-files.ts';
import { runWorker } from '../../workers/run-worker.ts';
import { findEntryPoints } from './entry-points.ts';
import { typedocFailed, type TypedocInput, type TypedocOutput } from './run-typedoc.ts';

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
 * Documents the service's TypeScript API with TypeDoc (see run-typedoc.ts). The result is
 * cached under a hash of every TypeScript source, tsconfig and package.json, so a build with
 * unchanged sources does not run TypeDoc at all.
 */
export async function readApi(repoRoot: string, configured: string[] | undefined, cacheDir: string | null, events: { onTypedocStart?: (identifiers: ReadonlySet<string>) => void } = {}, listing = new RepoListing(repoRoot)): Promise<ApiResult> {
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
  const sources = await listing.files(['**/*.{ts,tsx,mts,cts}', '**/tsconfig*.json', '**/package.json', 'typedoc.json']);
  const hash = createHash('sha256').update(`${CACHE_FORMAT} ${TYPEDOC_VERSION} ${entryPoints.join(',')}\n`);
  const texts: Buffer[] = [];
  for (const file of sources) {
    const text = await readFile(path.join(repoRoot, file)).catch(() => Buffer.alloc(0));
    texts.push(text);
    hash.update(`${file}\0`).update(text).update('\0');
  }
  const cacheFile = cacheDir ? path.join(cacheDir, 'handover-api', `${hash.digest('hex').slice(0, 32)}.json`) : null;
  const cached = cacheFile ? await readFile(cacheFile, 'utf8').catch(() => null) : null;
  if (cached) {
    const value = JSON.parse(cached) as { modules: ApiModule[]; diagnostics: Diagnostic[] };
    return { ...value, cache: 'hit', seconds: 0, entryPoints };
  }
  const started = performance.now();
  // In a worker thread: the seconds TypeDoc holds the CPU are spent on another core, while this
  // thread parses the documents and drives Chromium's diagrams.
  if (events.onTypedocStart) events.onTypedocStart(identifiersIn(texts));
  let crashed = false;
  const { modules, diagnostics } = await runWorker<TypedocInput, TypedocOutput>(new URL('./typedoc-worker.ts', import.meta.url), { repoRoot, entryPoints })
    .catch((error: Error) => ((crashed = true), { modules: [], diagnostics: [typedocFailed(entryPoints, error.message)] }));
  // A worker that died (out of memory, say) is not the sources' fault: the next build tries again.
  if (cacheFile && !crashed) {
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify({ modules, diagnostics }));
  }
  return { modules, diagnostics, cache: 'miss', seconds: (performance.now() - started) / 1000, entryPoints };
}


/** Every identifier-like word of the sources: a superset of the names TypeDoc will document. */
function identifiersIn(texts: readonly Buffer[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const [word] of text.toString('utf8').matchAll(/[A-Za-z_$][\w$]*/g)) words.add(word);
  return words;
}
