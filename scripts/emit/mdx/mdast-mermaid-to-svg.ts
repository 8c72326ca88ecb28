import type { Nodes, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { visit, SKIP } from 'unist-util-visit';

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

/** Sources found per tree: a build asks for a tree's diagrams several times (prefetch, emit, cache keys). */
const found = new WeakMap<Root, string[]>();

/**
 * Every Mermaid source in a tree, for rendering in one batch before serialising. Remembered per
 * tree object, so a tree must not gain or lose diagrams after it was first asked about (the
 * serialiser transforms a copy).
 */
export function collectMermaidSources(tree: Root): string[] {
  const known = found.get(tree);
  if (known) return known;
  const sources: string[] = [];
  // A plain walk: this runs over every document of a build, several times in `handover dev`.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' && node.lang === 'mermaid') sources.push(node.value);
    else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  }
  found.set(tree, sources);
  return sources;
}
