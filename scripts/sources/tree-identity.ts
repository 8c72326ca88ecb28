import type { Root } from 'mdast';

/** Where the facts derived from identified trees are kept between runs (a `KeyedCache` in the work dir). */
export interface FactStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Trees known to be the result of one parse, by a key naming that parse (the parse cache's key,
 * with its salt), and the store their derived facts are kept in. Nothing modifies a tree after
 * parsing (emit transforms a copy), so the key stands for the tree's whole content: emit keys a
 * page body by it instead of writing the tree out as JSON, and a fact derived from the tree can be
 * kept under it.
 */
const identities = new WeakMap<Root, { identity: string; facts: FactStore | null }>();

/** Records that `tree` is the result of the parse `identity` names, and where to keep facts about it. */
export function rememberTreeIdentity(tree: Root, identity: string, facts: FactStore | null = null): void {
  identities.set(tree, { identity, facts });
}

/** The key of the parse `tree` came from, if known. */
export function treeIdentity(tree: Root): string | undefined {
  return identities.get(tree)?.identity;
}

/**
 * A function giving what `derive` makes of a tree, remembered per tree object and, for a tree whose
 * parse is known, in its fact store between runs (under the tree's identity and `name`, which must
 * be unique to `derive`; the store's salt covers Handover's code). A rebuild then asks the facts of
 * an unchanged document without reading its tree: the parse cache reads trees only when they are
 * used (`parse-cache.ts`). `derive` must be pure and its result JSON.
 */
export function rememberedFact<T>(name: string, derive: (tree: Root) => T): (tree: Root) => T {
  const remembered = new WeakMap<Root, T>();
  return (tree) => {
    if (remembered.has(tree)) return remembered.get(tree)!;
    const known = identities.get(tree);
    const key = known?.facts ? `${known.identity}:${name}` : null;
    let value = key ? (known!.facts!.get(key) as T | undefined) : undefined;
    if (value === undefined) {
      value = derive(tree);
      if (key) known!.facts!.set(key, value);
    }
    remembered.set(tree, value);
    return value;
  };
}
