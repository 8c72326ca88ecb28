// Mermaid renders in headless Chromium. These check what a build relies on: the same source gives
// the same bytes in every process (builds are byte-identical), a diagram renders once and is then
// reused from the work dir without starting a browser, and a broken diagram is an error, not a throw.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/chromium/find-chromium.ts';
import { MermaidRenderer } from '../../../scripts/emit/mermaid/render-mermaid.ts';

const HAVE_CHROMIUM = (await findChromium()) !== null;
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

// Class diagrams draw with rough.js and gitGraph makes up commit ids, both from Math.random.
const SOURCES = ['classDiagram\n  Animal <|-- Duck', 'gitGraph\n  commit\n  branch feature\n  commit\n  checkout main\n  merge feature', 'flowchart LR\n  A[Start] --> B{Is it?}\n  B -->|Yes| C[OK]'];
const BROKEN = 'flowchart TD\n  A --> B --> oops{';

/** A fresh renderer: its own Chromium, and SVGs kept only in `cacheDir` (none: not at all). */
async function renderFresh(sources: string[], cacheDir: string | null): Promise<Awaited<ReturnType<MermaidRenderer['render']>>> {
  const renderer = await MermaidRenderer.open(cacheDir);
  try {
    const batch = await renderer.render(sources);
    await renderer.save();
    return batch;
  } finally {
    await renderer.close();
  }
}

describe.skipIf(!HAVE_CHROMIUM)('Mermaid rendering', () => {
  it('renders every diagram type used in the tests to the same bytes in two browsers', async () => {
    const first = await renderFresh(SOURCES, null);
    const second = await renderFresh(SOURCES, null);
    for (const source of SOURCES) {
      expect(first.svgs.get(source), source).toMatch(/^<svg/);
      expect(second.svgs.get(source), source).toBe(first.svgs.get(source));
    }
  });

  it('reports a broken diagram as an error and renders the others', async () => {
    const batch = await renderFresh([BROKEN, 'flowchart LR\n  X --> Y'], null);
    expect(batch.errors.get(BROKEN)).toMatch(/Parse error/);
    expect(batch.svgs.get('flowchart LR\n  X --> Y')).toMatch(/^<svg/);
  });

  it('keeps rendered SVGs in the work dir, so the next build starts no browser', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'handover-mermaid-'));
    folders.push(cacheDir);
    const source = 'flowchart LR\n  Cached --> Twice';
    const first = await renderFresh([source], cacheDir);
    expect(first.chromium).not.toBeNull();
    const reopened = await MermaidRenderer.open(cacheDir);
    reopened.warmUp();
    const second = await reopened.render([source]);
    await reopened.close();
    expect(second.svgs.get(source)).toBe(first.svgs.get(source));
    expect(second.chromium).toBeNull();
  });
});
