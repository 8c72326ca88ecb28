import type { Nodes, Root } from 'mdast';
import { rememberedFact } from '../../sources/tree-identity.ts';

/**
 * A function that collects, in document order, what `pick` returns for the nodes of a tree (it
 * does not look inside a node it picked). These run over every document of a build, several times
 * (prefetch, cache keys, emit, `handover dev`): a plain walk, once per tree object, and kept
 * between runs under `name` for trees whose parse is known (`rememberedFact`), so a rebuild need
 * not read an unchanged document's tree.
 */
export function rememberedCollector<T>(name: string, pick: (node: Nodes) => T | undefined): (tree: Root) => T[] {
  return rememberedFact(name, (tree) => {
    const found: T[] = [];
    const stack: Nodes[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const picked = pick(node);
      if (picked !== undefined) found.push(picked);
      else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
    }
    return found;
  });
}
