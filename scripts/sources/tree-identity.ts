import type { Root } from 'mdast';

/**
 * Trees known to be the result of one parse, by a key naming that parse (the parse cache's key,
 * with its salt). Nothing modifies a tree after parsing (emit transforms a copy), so the key stands
 * for the tree's whole content: emit keys a page body by it instead of writing the tree out as JSON.
 */
const identities = new WeakMap<Root, string>();

/** Records that `tree` is the result of the parse `identity` names. */
export function rememberTreeIdentity(tree: Root, identity: string): void {
  identities.set(tree, identity);
}

/** The key of the parse `tree` came from, if known. */
export function treeIdentity(tree: Root): string | undefined {
  return identities.get(tree);
}
