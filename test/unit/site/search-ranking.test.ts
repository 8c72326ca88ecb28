// Handover runs Pagefind itself (astro.config.mjs sets Starlight's `pagefind: false`), so Starlight
// no longer hands its ranking to the search UI; site/lib/lazy-pagefind-ui.ts passes the same
// values. This keeps them in step with Starlight's defaults across Starlight upgrades.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { STARLIGHT_RANKING } from '../../../site/lib/lazy-pagefind-ui.ts';

it("passes the search UI Starlight's default ranking", async () => {
  // The package exports neither its package.json nor this module (import-only exports).
  const dist = path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules', '@astrojs', 'starlight', 'dist');
  const { PagefindConfigDefaults } = (await import(pathToFileURL(path.join(dist, 'schemas', 'pagefind.js')).href)) as { PagefindConfigDefaults: () => { ranking: Record<string, unknown> } };
  const { metaWeights: _none, ...ranking } = PagefindConfigDefaults().ranking;
  expect(STARLIGHT_RANKING).toEqual(ranking);
});
