import type { Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { rememberedCollector } from './collect-from-tree.ts';

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

/**
 * The names a tree's code spans could give a symbol (`calculateExpiry`, `calculateExpiry()` ->
 * `calculateExpiry`), in document order, remembered per tree.
 */
export const codeSpanNames = rememberedCollector('code-span-names', (node) => (node.type === 'inlineCode' ? node.value.replace(/\(\)$/, '') : undefined));

/**
 * The symbols a tree's code spans name, as `[name, page]` pairs in document order: all that a
 * body's serialisation takes from the API reference, so it keys the serialised body (a new
 * symbol elsewhere in the API then leaves the body's cache entry valid).
 */
export function symbolsNamed(tree: Root, symbols: SymbolPages): [string, string][] {
  if (symbols.size === 0) return [];
  return codeSpanNames(tree).flatMap((name) => {
    const page = symbols.get(name);
    return page ? [[name, page] as [string, string]] : [];
  });
}
