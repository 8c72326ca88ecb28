import type { Parent, Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Raw HTML from a service repo is never passed into MDX, where it would be parsed as JSX (and
 * could carry script). Comments are dropped, `<br>` becomes a line break, and any other HTML is
 * kept as visible text, which the MDX serialiser escapes.
 */
export function mdastRawHtmlToText() {
  return (tree: Root): void => {
    visit(tree, 'html', (node, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const value = node.value.replace(/<!--[\s\S]*?(-->|$)/g, '').trim();
      if (!value) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (/^<br\s*\/?>$/i.test(value)) {
        parent.children.splice(index, 1, { type: 'break' });
        return [SKIP, index + 1];
      }
      const inline = parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell' || parent.type === 'emphasis' || parent.type === 'strong' || parent.type === 'link';
      const text = { type: 'text' as const, value };
      parent.children.splice(index, 1, (inline ? text : { type: 'paragraph', children: [text] }) as never);
      return [SKIP, index + 1];
    });
  };
}
