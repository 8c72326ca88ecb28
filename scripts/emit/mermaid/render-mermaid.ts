import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { codeHash, hashParts } from '../../cache/keyed-cache.ts';
import { launchChromium } from '../../chromium/launch-chromium.ts';
import { sanitiseSvg } from './sanitise-svg.ts';

/** The outcome of rendering a batch of Mermaid diagrams. */
export interface MermaidBatch {
  /** SVG per diagram source, for those that rendered. */
  svgs: Map<string, string>;
  /** Error message per diagram source that Mermaid rejected. */
  errors: Map<string, string>;
  /** Set when no diagram could be rendered at all (e.g. no Chromium here), saying why. */
  unavailable: string | null;
  /** Where the Chromium came from, for the build summary (null when every diagram came from a cache). */
  chromium: string | null;
}

type Outcome = { svg: string } | { error: string } | { unavailable: string };

const require = createRequire(import.meta.url);
/** Mermaid's ES module build: the page loads only the chunks a diagram type needs (the classic bundle is 5.5 MB). */
const MERMAID_DIST = path.dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
/** The page's origin: a reserved name that never resolves, served from MERMAID_DIST by request interception. */
const ORIGIN = 'http://mermaid.handover.invalid';
const MERMAID_VERSION = (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;
const CONFIG = { startOnLoad: false, securityLevel: 'strict', theme: 'neutral', handDrawnSeed: 1, htmlLabels: false, flowchart: { htmlLabels: false }, deterministicIds: true };
const CACHE_FILE = 'handover-mermaid.json';
/** What the cached SVGs depend on besides their source: the sanitiser's code (they are kept sanitised). */
const SALT = hashParts(['1', codeHash(['emit/mermaid'])]);

/** The id a diagram renders with: derived from the source, so the same diagram gives the same bytes every build. */
function diagramId(source: string): string {
  return `mermaid-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`;
}

/** The disk cache key of a source: Mermaid's version and options are part of what it renders to. */
function cacheKey(source: string): string {
  return createHash('sha256').update(`${MERMAID_VERSION}\n${JSON.stringify(CONFIG)}\n${source}`).digest('hex');
}

/**
 * Renders Mermaid sources to SVG in one shared headless Chromium, with the project's own Mermaid
 * and `securityLevel: 'strict'` (no click callbacks, sanitised labels). Nothing is thrown: a
 * missing browser or a bad diagram is reported in the result.
 *
 * A build asks early (`prefetch`, as soon as the documents are parsed), so Chromium starts and
 * renders in its own process while Handover reads TypeScript and git; it collects the SVGs when it
 * writes the pages (`render`). Rendered SVGs are kept in the work dir between builds (`save`,
 * called only once the secrets scan has passed), so an unchanged diagram never starts a browser.
 */
export class MermaidRenderer {
  private readonly outcomes = new Map<string, Promise<Outcome>>();
  /** Sanitised SVGs by cache key: loaded from the work dir, and rendered this run. */
  private readonly stored: Map<string, string>;
  private readonly used = new Set<string>();
  private browser: Promise<{ browser: Browser; chromium: string } | { unavailable: string }> | null = null;
  /** Pages with Mermaid loaded and no batch running; batches in flight at once each get their own page (and renderer process). */
  private readonly idlePages: Promise<Page | { unavailable: string }>[] = [];
  private chromium: string | null = null;

  private readonly cacheDir: string | null;

  private constructor(cacheDir: string | null, stored: Map<string, string>) {
    this.cacheDir = cacheDir;
    this.stored = stored;
  }

  /** A renderer whose SVGs persist in `cacheDir` between builds (none: in this process only). */
  static async open(cacheDir: string | null): Promise<MermaidRenderer> {
    let stored = new Map<string, string>();
    if (cacheDir) {
      const text = await readFile(path.join(cacheDir, CACHE_FILE), 'utf8').catch(() => null);
      try {
        const parsed = text ? (JSON.parse(text) as { salt?: string; svgs?: Record<string, string> }) : null;
        if (parsed?.salt === SALT && parsed.svgs && typeof parsed.svgs === 'object') stored = new Map(Object.entries(parsed.svgs).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      } catch {
        // A damaged cache is a miss, never an error.
      }
    }
    return new MermaidRenderer(cacheDir, stored);
  }

  /** Starts rendering sources not yet known, without waiting for them. */
  prefetch(sources: readonly string[]): void {
    const fresh = [...new Set(sources)].filter((source) => !this.outcomes.has(source)).sort();
    const toRender: string[] = [];
    for (const source of fresh) {
      const known = this.fromStore(source);
      if (known) this.outcomes.set(source, Promise.resolve({ svg: known }));
      else toRender.push(source);
    }
    if (toRender.length === 0) return;
    const batch = this.renderBatch(toRender);
    toRender.forEach((source, index) => this.outcomes.set(source, batch.then((outcomes) => outcomes[index]!)));
  }

  /**
   * Starts Chromium and loads Mermaid before any diagram is known, when nothing is cached (a cold
   * build): almost every service has one, if only the ADR graph. A renderer that never renders
   * just closes the browser again.
   */
  warmUp(): void {
    if (this.stored.size > 0 || this.idlePages.length > 0) return;
    this.idlePages.push(this.openPage());
  }

  /** Every source's SVG or error, rendering what was not prefetched. */
  async render(sources: readonly string[]): Promise<MermaidBatch> {
    this.prefetch(sources);
    const batch: MermaidBatch = { svgs: new Map(), errors: new Map(), unavailable: null, chromium: null };
    for (const source of new Set(sources)) {
      const outcome = await this.outcomes.get(source)!;
      if ('svg' in outcome) batch.svgs.set(source, outcome.svg);
      else if ('error' in outcome) batch.errors.set(source, outcome.error);
      else batch.unavailable = outcome.unavailable;
    }
    batch.chromium = this.chromium;
    return batch;
  }

  /** Keeps the SVGs of this build's diagrams in the work dir for the next build (and drops the rest). */
  async save(): Promise<void> {
    if (!this.cacheDir) return;
    const svgs = Object.fromEntries([...this.used].sort().flatMap((key) => (this.stored.has(key) ? [[key, this.stored.get(key)!]] : [])));
    await mkdir(this.cacheDir, { recursive: true });
    const file = path.join(this.cacheDir, CACHE_FILE);
    await writeFile(`${file}.tmp`, JSON.stringify({ salt: SALT, svgs }));
    await rename(`${file}.tmp`, file);
  }

  /** Closes the browser, if one was started. */
  async close(): Promise<void> {
    const browser = await this.browser;
    this.browser = null;
    if (browser && 'browser' in browser) await browser.browser.close().catch(() => undefined);
  }

  private fromStore(source: string): string | null {
    const key = cacheKey(source);
    const svg = this.stored.get(key);
    if (svg === undefined) return null;
    this.used.add(key);
    return svg;
  }

  private launch(): NonNullable<MermaidRenderer['browser']> {
    this.browser ??= (async () => {
      try {
        const launched = await launchChromium();
        if (!launched) return { unavailable: 'no Chromium was found (set HANDOVER_CHROMIUM to a Chrome or Chromium executable)' };
        return { browser: launched.browser, chromium: `${launched.location.origin} Chromium at ${launched.location.executablePath}` };
      } catch (error) {
        return { unavailable: `Chromium could not start (${(error as Error).message.split('\n')[0]})` };
      }
    })();
    return this.browser;
  }

  /** A new page with Mermaid loaded (from its ES module build: only the chunks a diagram type needs). */
  private async openPage(): Promise<Page | { unavailable: string }> {
    const browser = await this.launch();
    if ('unavailable' in browser) return browser;
    this.chromium = browser.chromium;
    try {
      const page = await browser.browser.newPage();
      await page.route('**/*', (route) => serveMermaid(route));
      await page.goto(`${ORIGIN}/`);
      // A string, not a function: a bundler or test runner transforming this file would rewrite a
      // dynamic import() in a function body into its own loader, which the page does not have.
      await page.evaluate(`import(${JSON.stringify(`${ORIGIN}/mermaid.esm.min.mjs`)}).then((module) => { globalThis.mermaid = module.default; })`);
      return page;
    } catch (error) {
      return { unavailable: `the browser failed while loading Mermaid (${(error as Error).message.split('\n')[0]})` };
    }
  }

  /**
   * Renders sources in one call into the page: the browser works through the whole batch on its
   * own, whatever Handover's thread is busy with meanwhile.
   */
  private renderBatch(sources: string[]): Promise<Outcome[]> {
    const run = async (): Promise<Outcome[]> => {
      const page = await (this.idlePages.shift() ?? this.openPage());
      if ('unavailable' in page) return sources.map(() => ({ unavailable: page.unavailable }));
      let results: ({ svg: string } | { error: string })[];
      try {
        results = await page.evaluate(
          async ({ diagrams, config }) => {
            const mermaid = (globalThis as unknown as { mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
            const out: ({ svg: string } | { error: string })[] = [];
            for (const { id, source } of diagrams) {
              mermaid.initialize({ ...config, deterministicIDSeed: id });
              // Some diagram types draw with Math.random (gitGraph commit ids, architecture layouts):
              // a generator seeded by the diagram makes every render of a source the same bytes.
              let seed = Number.parseInt(id.slice(-8), 16) >>> 0;
              Math.random = () => {
                seed = (seed + 0x6d2b79f5) >>> 0;
                let t = seed;
                t = Math.imul(t ^ (t >>> 15), t | 1);
                t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
                return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
              };
              try {
                out.push({ svg: (await mermaid.render(id, source)).svg });
              } catch (error) {
                document.getElementById(`d${id}`)?.remove();
                out.push({ error: error instanceof Error ? error.message : String(error) });
              }
            }
            return out;
          },
          { diagrams: sources.map((source) => ({ id: diagramId(source), source })), config: CONFIG },
        );
      } catch (error) {
        const unavailable = `the browser failed while rendering (${(error as Error).message.split('\n')[0]})`;
        return sources.map(() => ({ unavailable }));
      }
      return results.map((result, index) => {
        const source = sources[index]!;
        if (!('svg' in result) || !result.svg) return { error: ('error' in result && result.error) || 'Mermaid returned no SVG' };
        const key = cacheKey(source);
        const svg = sanitiseSvg(result.svg);
        this.stored.set(key, svg);
        this.used.add(key);
        return { svg };
      });
    };
    return run();
  }
}

/**
 * Answers the Mermaid page's requests: an empty page, and Mermaid's own files. Nothing else is
 * fetched, so a diagram can never reach the network.
 */
async function serveMermaid(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort();
  if (url.pathname === '/') return route.fulfill({ body: '<!doctype html><html lang="en"><head><title>Mermaid</title></head><body></body></html>', contentType: 'text/html' });
  const file = path.join(MERMAID_DIST, decodeURIComponent(url.pathname));
  if (!file.startsWith(MERMAID_DIST + path.sep) || !file.endsWith('.mjs')) return route.abort();
  const body = await readFile(file).catch(() => null);
  return body ? route.fulfill({ body, contentType: 'text/javascript' }) : route.abort();
}

/** Renders sources once, without a cache between builds (a renderer opened and closed around it). */
export async function renderMermaid(sources: readonly string[]): Promise<MermaidBatch> {
  const renderer = await MermaidRenderer.open(null);
  try {
    return await renderer.render(sources);
  } finally {
    await renderer.close();
  }
}
