import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
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
  /** Where the Chromium came from, for the build summary. */
  chromium: string | null;
}

const require = createRequire(import.meta.url);

/**
 * SVGs already rendered in this process, by source. `handover dev` regenerates on every change:
 * without this it started Chromium and re-rendered every diagram for each edit (seconds each).
 * The output for a source never changes within a process (same Mermaid, same options, same id).
 */
const rendered = new Map<string, string>();
let renderedWith: string | null = null;

/**
 * Renders Mermaid sources to SVG in one shared headless Chromium, with the project's own Mermaid
 * and `securityLevel: 'strict'` (no click callbacks, sanitised labels). Nothing is thrown: a
 * missing browser or a bad diagram is reported in the result.
 */
export async function renderMermaid(sources: readonly string[]): Promise<MermaidBatch> {
  const batch: MermaidBatch = { svgs: new Map(), errors: new Map(), unavailable: null, chromium: null };
  for (const source of new Set(sources)) {
    const svg = rendered.get(source);
    if (svg) batch.svgs.set(source, svg);
  }
  if (batch.svgs.size > 0) batch.chromium = renderedWith;
  const unique = [...new Set(sources)].filter((source) => !batch.svgs.has(source)).sort();
  if (unique.length === 0) return batch;
  let launched;
  try {
    launched = await launchChromium();
  } catch (error) {
    batch.unavailable = `Chromium could not start (${(error as Error).message.split('\n')[0]})`;
    return batch;
  }
  if (!launched) {
    batch.unavailable = 'no Chromium was found (set HANDOVER_CHROMIUM to a Chrome or Chromium executable)';
    return batch;
  }
  batch.chromium = `${launched.location.origin} Chromium at ${launched.location.executablePath}`;
  try {
    const page = await launched.browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    for (const source of unique) {
      // Ids derive from the source, so the same diagram renders to the same bytes every build.
      const id = `mermaid-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`;
      const result = await page.evaluate(
        async ({ id, source }) => {
          const mermaid = (globalThis as unknown as { mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
          mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', htmlLabels: false, flowchart: { htmlLabels: false }, deterministicIds: true, deterministicIDSeed: id });
          try {
            return { svg: (await mermaid.render(id, source)).svg };
          } catch (error) {
            document.getElementById(`d${id}`)?.remove();
            return { error: error instanceof Error ? error.message : String(error) };
          }
        },
        { id, source },
      );
      if ('svg' in result && result.svg) {
        const svg = sanitiseSvg(result.svg);
        batch.svgs.set(source, svg);
        rendered.set(source, svg);
        renderedWith = batch.chromium;
      }
      else batch.errors.set(source, ('error' in result && result.error) || 'Mermaid returned no SVG');
    }
  } catch (error) {
    batch.unavailable = `the browser failed while rendering (${(error as Error).message.split('\n')[0]})`;
  } finally {
    await launched.browser.close();
  }
  return batch;
}
