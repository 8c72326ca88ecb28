import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Handover package root, where astro.config.mjs and site/ live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Astro's own state folder for this installation (`<root>/.astro/`): the dev server's data store, the content layer's module list. */
const DOT_ASTRO = path.join(PACKAGE_ROOT, '.astro');

export interface AstroRunOptions {
  command: 'build' | 'dev' | 'preview';
  contentDir: string;
  outDir: string;
  cacheDir: string;
  siteUrl?: string;
  base?: string;
  port?: number;
  /** For a versioned build: the version built, every version known, and the base of the whole site (for the version switcher). */
  versions?: { current: string; versions: string[]; root: string };
  /** Receives each line Astro prints (already filtered of known noise). */
  onLine?: (line: string) => void;
}

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
  // Astro's dev server keeps its data store in `.astro/`, a build in the cache folder.
  const dataStore = path.join(options.command === 'dev' ? DOT_ASTRO : options.cacheDir, 'data-store.json');
  if (options.command !== 'preview') forgetOtherContentFolders(options.contentDir, dataStore);
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
      HANDOVER_CONTENT_DIR: options.contentDir,
      HANDOVER_OUT_DIR: options.outDir,
      HANDOVER_CACHE_DIR: options.cacheDir,
      HANDOVER_SITE_URL: options.siteUrl ?? '',
      HANDOVER_BASE: options.base ?? '/',
      HANDOVER_VERSIONS: options.versions ? JSON.stringify(options.versions) : '',
      FORCE_COLOR: '0',
    },
    // The dev server takes messages from `handover dev` (astro.config.mjs, reloadOnRequest).
    stdio: ['ignore', 'pipe', 'pipe', ...(options.command === 'dev' ? (['ipc'] as const) : [])],
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
  return {
    done,
    stop: () => child.kill('SIGINT'),
    reload: () => {
      if (child.connected) child.send('handover:reload');
    },
  };
}
