import type { Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { visit, SKIP } from 'unist-util-visit';
import { rememberedCollector } from './collect-from-tree.ts';

/** SVG for each Mermaid source that rendered, keyed by the diagram's source text. */
export type DiagramSvgs = ReadonlyMap<string, string>;

/**
 * Replaces ```mermaid code blocks with their pre-rendered SVG, so diagrams show without
 * JavaScript. The SVG travels as a JSON string literal in `set:html`, never as MDX source.
 * A diagram with no SVG (no Chromium here, or Mermaid rejected it) stays a code block showing
 * its source; the build report says why.
 */
export function mdastMermaidToSvg(svgs: DiagramSvgs) {
  return (tree: Root): void => {
    visit(tree, 'code', (node, index, parent: Parent | undefined) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const svg = svgs.get(node.value);
      if (!svg) return;
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'figure',
        attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'handover-diagram' }],
        children: [
          {
            type: 'mdxJsxFlowElement',
            name: 'Fragment',
            attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(svg) } }],
            children: [],
          },
        ],
      };
      parent.children.splice(index, 1, element as never);
      return [SKIP, index + 1];
    });
  };
}

/**
 * Every Mermaid source in a tree, for rendering in one batch before serialising; a build asks for
 * a tree's diagrams several times (prefetch, emit, cache keys), so the result is remembered per
 * tree object, and a tree must not gain or lose diagrams after it was first asked about.
 */
export const collectMermaidSources = rememberedCollector('mermaid-sources', (node) => (node.type === 'code' && node.lang === 'mermaid' ? node.value : undefined));
