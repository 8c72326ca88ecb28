import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { StarlightPlugin } from '@astrojs/starlight/types';

/**
 * Starlight's heading anchor links, with the link icon drawn by the stylesheet
 * (`site/styles/handover.css`, `.sl-anchor-icon`) instead of an inline SVG in every heading.
 *
 * Starlight writes the same 550-byte SVG into each heading of each page: about 3 KB of a typical
 * 35 KB page, and a fifth of the rendered HTML Astro keeps in its data store and bundles (14.1 MB
 * -> 11.1 MB at 1,000 documents). The markup is otherwise Starlight's own (`sl-heading-wrapper`,
 * `sl-anchor-link`, the translated "Section titled" label for screen readers), so its stylesheet
 * places, hides and reveals the link as before (docs/adr/0023).
 */
export function handoverHeadingLinks(options: { contentDir: string }): StarlightPlugin {
  return {
    name: 'handover-heading-links',
    hooks: {
      'config:setup'({ config, updateConfig, addIntegration, useTranslations, absolutePathToLang }) {
        if (config.markdown?.headingLinks === false) return;
        // Starlight's stylesheet for the links is loaded only with its own links on.
        updateConfig({ markdown: { ...config.markdown, headingLinks: false }, customCss: [...(config.customCss ?? []), STARLIGHT_ANCHOR_CSS] });
        const folder = `${path.resolve(options.contentDir)}${path.sep}`;
        addIntegration({
          name: 'handover-heading-links',
          hooks: {
            'astro:config:setup'({ config: astroConfig, logger }) {
              const processor = astroConfig.markdown.processor as { name?: string; options?: { hastPlugins?: unknown[] } } | undefined;
              const plugins = processor?.options?.hastPlugins;
              if (!Array.isArray(plugins)) {
                logger.warn(`Heading anchor links are off: the Markdown processor (${processor?.name ?? 'none'}) takes no Sätteri plugins.`);
                return;
              }
              // The label ("Section titled “…”") translated once per language, with a stand-in for
              // the title: i18next took a fifth of a second per 1,000 pages translating it per heading.
              const labels = new Map<string, (title: string) => string>();
              const labelIn = (lang: string) => {
                let label = labels.get(lang);
                if (!label) {
                  const template = useTranslations(lang)('heading.anchorLabel', { title: TITLE, interpolation: { escapeValue: false } });
                  label = (title) => template.replace(TITLE, () => title);
                  labels.set(lang, label);
                }
                return label;
              };
              plugins.push(({ fileURL }: { fileURL?: URL }) => {
                const file = fileURL ? fileURLToPath(fileURL) : null;
                if (!file?.startsWith(folder)) return undefined;
                return [satteriHeadingIdsPlugin(), autolinkHeadings(labelIn(absolutePathToLang(file)))];
              });
            },
          },
        });
      },
    },
  };
}

/** Stands for the heading's title in the translated label (replaced once, in the template only). */
const TITLE = '\u{F0000}title\u{F0000}';

/** Starlight's stylesheet that places, hides and reveals heading anchor links (not in its package's exports). */
const STARLIGHT_ANCHOR_CSS = path.join(path.dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight'))), 'style', 'anchor-links.css');

interface HastElement {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
  children: unknown[];
}

/**
 * Wraps each heading that has an id as Starlight does (its markup, from
 * https://github.com/withastro/starlight/pull/3033), with an empty icon the stylesheet draws.
 */
function autolinkHeadings(label: (title: string) => string) {
  return {
    name: 'handover-autolink-headings',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node: HastElement, context: { textContent: (node: HastElement) => string }): HastElement | undefined {
        const id = node.properties?.['id'];
        if (typeof id !== 'string' || !id) return undefined;
        return {
          type: 'element',
          tagName: 'div',
          properties: { class: `sl-heading-wrapper level-${node.tagName}` },
          children: [
            node,
            {
              type: 'element',
              tagName: 'a',
              properties: { class: 'sl-anchor-link', href: `#${id}` },
              children: [
                { type: 'element', tagName: 'span', properties: { 'aria-hidden': 'true', class: 'sl-anchor-icon' }, children: [] },
                { type: 'element', tagName: 'span', properties: { class: 'sr-only', 'data-pagefind-ignore': true }, children: [{ type: 'text', value: label(context.textContent(node)) }] },
              ],
            },
          ],
        };
      },
    },
  };
}
