import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';

/**
 * The entries of a data collection, read once per build. Record headers run on every page: an ADR
 * header that re-read every ADR and every debt item made a build O(pages x records) (measured in
 * docs/benchmarks.md). In dev, content changes while the server runs, so it is read every time.
 */
export function collectionData<C extends CollectionKey>(collection: C): Promise<CollectionEntry<C>['data'][]> {
  if (import.meta.env.DEV) return read(collection);
  let cached = cache.get(collection) as Promise<CollectionEntry<C>['data'][]> | undefined;
  if (!cached) {
    cached = read(collection);
    cache.set(collection, cached);
  }
  return cached;
}

/** Groups values by a key, once per build like `collectionData`; `name` identifies the grouping. */
export async function indexBy<T, K>(name: string, values: () => Promise<T[]>, keys: (value: T) => K[]): Promise<Map<K, T[]>> {
  if (!import.meta.env.DEV && indexes.has(name)) return indexes.get(name) as Map<K, T[]>;
  const index = new Map<K, T[]>();
  for (const value of await values()) for (const key of keys(value)) index.set(key, [...(index.get(key) ?? []), value]);
  if (!import.meta.env.DEV) indexes.set(name, index);
  return index;
}

const cache = new Map<string, Promise<unknown[]>>();
const indexes = new Map<string, Map<unknown, unknown[]>>();

async function read<C extends CollectionKey>(collection: C): Promise<CollectionEntry<C>['data'][]> {
  return (await getCollection(collection)).map((entry) => entry.data);
}
