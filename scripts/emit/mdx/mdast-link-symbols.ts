import type { Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** Site path (`api/domain-badge/#calculateexpiry`) of each exported symbol, by name. */
export type SymbolPages = ReadonlyMap<string, string>;

/**
 * Links code spans that name an exported symbol (`calculateExpiry`, `calculateExpiry()`) to its
 * API page, so ADRs and runbooks lead to the code they talk about. Code already in a link is left.
 */
export function mdastLinkSymbols(symbols: SymbolPages) {
  return (tree: Root): void => {
    if (symbols.size === 0) return;
    visit(tree, 'inlineCode', (node, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
      const page = symbols.get(node.value.replace(/\(\)$/, ''));
      if (!page) return;
      parent.children.splice(index, 1, { type: 'link', url: `site:${page}`, children: [node] } as never);
      return [SKIP, index + 1];
    });
  };
}
