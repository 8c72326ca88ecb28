import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import { useServedSite } from '../helpers/served-site.ts';
import { listPages } from '../helpers/site-pages.ts';

const site = inject('demoSite');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pages = await listPages(site);

const served = useServedSite(site);

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.each(['light', 'dark'] as const)('axe-core (WCAG 2.2 A and AA), %s theme', (colorScheme) => {
  it.each(pages)('%s has no violations', async (url) => {
    const context = await served.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${served.url}${url}`);
    await page.addScriptTag({ path: axePath });
    const violations = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((r) => r.violations)`,
    )) as Violation[];
    await context.close();
    expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  });
});
