import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteSettings } from '../model/schemas/site-settings.ts';

/** The Handover package root, where astro.config.mjs and site/ live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Astro's own state folder for this installation (`<root>/.astro/`): the dev server's data store, the content layer's module list. */
const DOT_ASTRO = path.join(PACKAGE_ROOT, '.astro');

/** What a run builds or serves, and where: known once the content is generated. */
export interface AstroTarget {
  contentDir: string;
  outDir: string;
  siteUrl?: string;
  base?: string;
  /** For a versioned build: the version built, every version known, and the base of the whole site (for the version switcher). */
  versions?: { current: string; versions: string[]; root: string };
}

/** How Astro's process runs: known before the content is. */
export interface AstroProcessOptions {
  command: 'build' | 'dev' | 'preview';
  cacheDir: string;
  port?: number;
  /** Receives each line Astro prints (already filtered of known noise). */
  onLine?: (line: string) => void;
}

export type AstroRunOptions = AstroTarget & AstroProcessOptions;

/** A running Astro command. */
export interface AstroRun {
  /** Settles when Astro exits, with its exit code and last lines of output. */
  done: Promise<{ code: number; tail: string[] }>;
  stop: () => void;
  /** Reloads every open page of the dev server (`dev` only). */
  reload: () => void;
}

/**
 * Vite mirrors `import.meta.env` names into the environment (test runners built on Vite set
 * `DEV=1`, `MODE=test`), and an inherited `DEV` would build the site in dev mode. Vitest's own
 * variables (`VITEST`, `VITEST_WORKER_ID`...) made Astro's dev server answer every page with a 404.
 */
function withoutViteReservedNames(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DEV, PROD, SSR, MODE, BASE_URL, ...rest } = env;
  void [DEV, PROD, SSR, MODE, BASE_URL];
  return Object.fromEntries(Object.entries(rest).filter(([name]) => !name.startsWith('VITEST')));
}

/** Output lines that are known and harmless; see TOOLCHAIN.md. */
const NOISE = [/MODULE_LEVEL_DIRECTIVE/, /Module level directives cause errors when bundled/, /^\s*$/];

/**
 * Astro lists the content layer's MDX modules in `<root>/.astro/content-modules.mjs`, one file for
 * every run of this installation, and rewrites it only when its data store says entries changed.
 * A run whose data store is up to date (a rebuild, or `handover dev` on unchanged files) after a
 * run on another content folder then imports that folder's pages: a deleted folder gave every MDX
 * page a 500 in `handover dev`. When the list names another content folder, this run's data store
 * is dropped, so Astro syncs every entry and writes the list again. (Two runs at once can still
 * overwrite each other's list; Astro has no setting to move `.astro/`.)
 */
function forgetOtherContentFolders(contentDir: string, dataStore: string): void {
  let modules: string;
  try {
    modules = readFileSync(path.join(DOT_ASTRO, 'content-modules.mjs'), 'utf8');
  } catch {
    return;
  }
  // Entries are keyed by the page's path from the root, as a JSON string: `["../work/content/docs/...`.
  const ourEntries = `[${JSON.stringify(`${path.relative(PACKAGE_ROOT, contentDir).split(path.sep).join('/')}/`).slice(0, -1)}`;
  if (!modules.includes('new Map([') || modules.includes(ourEntries)) return;
  try {
    rmSync(dataStore, { force: true });
  } catch {
    // Not a file (a damaged work dir): Astro reports a data store it cannot use.
  }
}

/**
 * Runs the Astro CLI on the site in a child process, with the generated content folder passed
 * through the environment. A child process keeps each build's config and memory separate.
 * Resolves with the exit code; the last lines of output are kept for error messages.
 */
export function runAstro(options: AstroRunOptions): AstroRun {
  if (options.command !== 'preview') forgetOtherContentFolders(options.contentDir, dataStoreOf(options));
  // `handover dev` sends its reloads on an IPC channel (astro.config.mjs, reloadOnRequest).
  return spawnAstro(options, targetEnv(options), options.command === 'dev').run;
}

/**
 * `astro build` for `handover build`, which can start Astro's process before the content exists:
 * Node, Astro, the integrations and then the site's config load (about 3 s) while Handover is
 * still generating the content. `start` spawns the process (early, when the generation will take
 * seconds); astro.config.mjs waits for `configure` (the run's target and site settings, known once
 * the model is), and the content loaders (site/content.config.ts) wait for `begin`, sent once the
 * pages are written. A build that was never started early starts at `begin`.
 */
export class AstroBuild {
  readonly #options: AstroProcessOptions;
  #spawned: { child: ChildProcess; run: AstroRun } | null = null;
  #configuration: object | null = null;

  constructor(options: Pick<AstroProcessOptions, 'cacheDir' | 'onLine'>) {
    this.#options = { ...options, command: 'build' };
  }

  /** Spawns Astro's process now, if it is not running yet. */
  start(): void {
    if (this.#spawned) return;
    this.#spawned = spawnAstro(this.#options, { HANDOVER_AWAIT_TARGET: '1' }, true);
    if (this.#configuration) this.#send(this.#configuration);
  }

  /** Where the site goes and its settings (`site.json`): a started process resolves its config and starts up. */
  configure(target: AstroTarget, settings: SiteSettings): void {
    // Before Astro reads its data store, which it does only once configured.
    forgetOtherContentFolders(target.contentDir, dataStoreOf(this.#options));
    this.#configuration = { type: 'handover:configure', env: targetEnv(target), settings };
    if (this.#spawned) this.#send(this.#configuration);
  }

  /** The pages are written: Astro reads them and builds. */
  begin(): AstroRun {
    if (!this.#configuration) throw new Error('AstroBuild: begin() before configure()');
    this.start();
    this.#send({ type: 'handover:content' });
    return this.#spawned!.run;
  }

  /** Stops a process that will not be needed (nothing to build, or the generation failed). */
  cancel(): void {
    this.#spawned?.run.stop();
  }

  #send(message: object): void {
    // A process that has already exited reports why through its run's `done`.
    if (this.#spawned?.child.connected) this.#spawned.child.send(message);
  }
}

/** Astro's data store for a command: the dev server keeps it in `.astro/`, a build in the cache folder. */
function dataStoreOf(options: AstroProcessOptions): string {
  return path.join(options.command === 'dev' ? DOT_ASTRO : options.cacheDir, 'data-store.json');
}

/** The environment that tells astro.config.mjs and site/content.config.ts what to build and where. */
function targetEnv(target: AstroTarget): Record<string, string> {
  return {
    HANDOVER_CONTENT_DIR: target.contentDir,
    HANDOVER_OUT_DIR: target.outDir,
    HANDOVER_SITE_URL: target.siteUrl ?? '',
    HANDOVER_BASE: target.base ?? '/',
    HANDOVER_VERSIONS: target.versions ? JSON.stringify(target.versions) : '',
  };
}

function spawnAstro(options: AstroProcessOptions, env: Record<string, string>, ipc: boolean): { child: ChildProcess; run: AstroRun } {
  const require = createRequire(import.meta.url);
  const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  // V8 lets the heap grow up to four times past what the last full collection kept. Astro's build
  // makes garbage in bursts (rendering every Markdown page in content sync, then bundling the
  // content data store as one module), so at 5,000 pages its heap reached 1.5 GB of which 200 MB
  // was live. Growing by a quarter instead kept the process 20-25 % smaller at 1,000 and 5,000
  // pages, with no measurable cost in time (docs/benchmarks.md). Unlike --max-old-space-size, this
  // only makes V8 collect sooner: it cannot make a large site run out of memory.
  const args = ['--heap-growing-percent=25', astroBin, options.command, '--root', PACKAGE_ROOT];
  if (options.port !== undefined) args.push('--port', String(options.port));
  // Astro writes its prerender bundle to `<cwd>/.astro/` when the output folder is outside the
  // working directory (astro/dist/prerender/utils.js, getOutDirWithinCwd). With the package root
  // as cwd, two builds at once (CI matrix, parallel tests) would overwrite each other's bundle.
  // Each run gets its own cwd, inside node_modules so the bundle still resolves its imports.
  const runs = path.join(PACKAGE_ROOT, 'node_modules', '.handover-run');
  mkdirSync(runs, { recursive: true });
  const cwd = mkdtempSync(path.join(runs, 'run-'));
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      ...withoutViteReservedNames(process.env),
      ASTRO_TELEMETRY_DISABLED: '1',
      // An inherited NODE_ENV (test runners set `test`) would build the site in dev mode, where
      // Starlight replaces search with a notice.
      NODE_ENV: options.command === 'dev' ? 'development' : 'production',
      HANDOVER_CACHE_DIR: options.cacheDir,
      ...env,
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  const tail: string[] = [];
  const onLine = (line: string) => {
    if (NOISE.some((pattern) => pattern.test(line))) return;
    tail.push(line);
    if (tail.length > 40) tail.shift();
    options.onLine?.(line);
  };
  // Whole lines only: a chunk can end in the middle of one.
  const lines = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const complete = (partial + chunk.toString('utf8')).split('\n');
      partial = complete.pop()!;
      complete.forEach(onLine);
    });
    stream.on('end', () => onLine(partial));
  };
  lines(child.stdout!);
  lines(child.stderr!);
  const done = new Promise<{ code: number; tail: string[] }>((resolve) => {
    const cleanUp = () => rmSync(cwd, { recursive: true, force: true });
    child.on('error', (error) => {
      cleanUp();
      resolve({ code: 1, tail: [...tail, error.message] });
    });
    child.on('close', (code) => {
      cleanUp();
      resolve({ code: code ?? 1, tail });
    });
  });
  const run: AstroRun = {
    done,
    stop: () => child.kill('SIGINT'),
    reload: () => {
      if (child.connected) child.send('handover:reload');
    },
  };
  return { child, run };
}
