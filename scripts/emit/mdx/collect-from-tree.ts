import type { Nodes, Root } from 'mdast';

/**
 * A function that collects, in document order, what `pick` returns for the nodes of a tree (it
 * does not look inside a node it picked), remembering the result per tree object. A tree is not
 * changed after parsing (the serialiser transforms a copy), and these run over every document of
 * a build, several times (prefetch, cache keys, emit, `handover dev`): a plain walk, once.
 */
export function rememberedCollector<T>(pick: (node: Nodes) => T | undefined): (tree: Root) => T[] {
  const remembered = new WeakMap<Root, T[]>();
  return (tree) => {
    const known = remembered.get(tree);
    if (known) return known;
    const found: T[] = [];
    const stack: Nodes[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const picked = pick(node);
      if (picked !== undefined) found.push(picked);
      else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
    }
    remembered.set(tree, found);
    return found;
  };
}
