import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Root } from 'mdast';
import type { HandoverModel } from '../model/build-model.ts';
import { BodySerialiser, type CachedBody } from './body-serialiser.ts';
import { pageDocuments } from './emit-content.ts';
import { codeSpanNames } from './mdx/mdast-link-symbols.ts';
import { collectMermaidSources } from './mdx/mdast-mermaid-to-svg.ts';
import { pageIndex } from './site-paths.ts';

/** Work done between two turns of the event loop, so Chromium's messages and file reads go on. */
const SLICE_MS = 10;

/** Bodies serialised ahead of emit, by key. */
export interface PreSerialising {
  /** Ends the work at its next turn and gives what was done. */
  stop(): Promise<Map<string, CachedBody>>;
  /** Gives every body, once all are done. */
  finished(): Promise<Map<string, CachedBody>>;
}

/**
 * Serialises the page bodies of a draft model (the documents, before TypeDoc has documented the
 * API) while this thread would otherwise wait for TypeDoc's worker; emit then takes each body
 * whose key matches (`EmitOptions.preSerialised`). Left for emit: bodies that may name an API
 * symbol (they would get another key once the symbols are known), show a diagram (they wait for
 * its SVG) or a published image (emit publishes it), and whatever is not done when `stop` is
 * called. Works in slices, yielding to the event loop between them.
 */
export function preSerialise(draft: HandoverModel, site: { base: string; hiddenPaths?: ReadonlySet<string> }, sourceIdentifiers: ReadonlySet<string> = new Set()): PreSerialising {
  const done = new Map<string, CachedBody>();
  const bodies = new BodySerialiser({ pages: pageIndex(draft), hiddenPaths: site.hiddenPaths, base: site.base, repoUrl: draft.service.repoUrl, branch: draft.service.branch, symbols: new Map() });
  const noDiagrams = new Map<string, string>();
  let stopped = false;
  const work = (async () => {
    let sliceStart = performance.now();
    for (const document of pageDocuments(draft)) {
      if (stopped) return;
      if (collectMermaidSources(document.tree).length > 0 || mayNameASymbol(document.tree, sourceIdentifiers)) continue;
      const { publishedImage, ...body } = bodies.serialise(document, noDiagrams, () => null);
      if (!publishedImage) done.set(bodies.key(document, noDiagrams), body);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      await work;
      return done;
    },
    async finished() {
      await work;
      return done;
    },
  };
}

/**
 * Whether a tree has a code span that may name an API symbol (a word of the TypeScript sources,
 * `calculateExpiry` or `calculateExpiry()`): its body would likely be serialised again once the
 * symbols are known, so it is not worth serialising ahead.
 */
function mayNameASymbol(tree: Root, sourceIdentifiers: ReadonlySet<string>): boolean {
  return sourceIdentifiers.size > 0 && codeSpanNames(tree).some((name) => sourceIdentifiers.has(name));
}
