import path from 'node:path';
import { codeHash, hashParts, KeyedCache } from '../cache/keyed-cache.ts';
import type { Root } from 'mdast';
import { rememberTreeIdentity } from './tree-identity.ts';
import type { ParseResult } from './types.ts';

/** Name of the cache file in the work dir's cache folder. */
const CACHE_FILE = 'handover-parse-cache.json';
/** Facts derived from the cached trees (`rememberedFact`). */
const FACTS_FILE = 'handover-tree-facts.json';
const FORMAT = 3;

/** How much of this run's parsing the cache served. */
export type ParseCacheUse = 'hit' | 'partial' | 'miss' | 'off';

/**
 * Parse results from earlier runs, keyed by a hash of everything a parse depends on: the source
 * kind, the file's path and text, the files its source discovered beside it, the config and
 * Handover's own parser code. Parsing is pure, so an unchanged file gives the same result: a
 * rebuild (and every save in `handover dev`) parses only what changed.
 *
 * A result's trees (records that are trees, and records' `body` trees) are kept apart from the
 * rest and read only when something walks them: a rebuild whose pages are all cached never does
 * (the facts emit needs of a tree are kept by `rememberedFact`), and the trees are most of the
 * cache (a 600-word document's tree, positions and all, is about 12 KB of JSON).
 */
export class ParseCache {
  private readonly cache: KeyedCache<unknown>;
  /** Facts derived from the trees (`tree-identity.ts`), salted with all of Handover's code. */
  private readonly facts: KeyedCache<unknown>;

  private constructor(cache: KeyedCache<unknown>, facts: KeyedCache<unknown>) {
    this.cache = cache;
    this.facts = facts;
  }

  /** A cache that remembers nothing (no cache folder: tests, `handover ingest`). */
  static disabled(): ParseCache {
    return new ParseCache(KeyedCache.disabled(), KeyedCache.disabled());
  }

  /** Opens the cache in `cacheDir` for this repo and config; a missing or stale file is an empty cache. */
  static async open(cacheDir: string, repoRoot: string, config: unknown): Promise<ParseCache> {
    const salt = hashParts([String(FORMAT), codeHash(['sources', 'config', 'diagnostics', 'model/schemas']), path.resolve(repoRoot), JSON.stringify(config)]);
    const [cache, facts] = await Promise.all([KeyedCache.open(cacheDir, CACHE_FILE, salt), KeyedCache.open(cacheDir, FACTS_FILE, hashParts([String(FORMAT), codeHash(['.'])]))]);
    return new ParseCache(cache, facts);
  }

  get file(): string | null {
    return this.cache.file;
  }

  /** The key of one file's parse: its source, path and text, and the paths discovered beside it. */
  key(kind: string, filePath: string, text: string, neighbours: string): string {
    return hashParts([kind, filePath, neighbours, text]);
  }

  /** A hash of the paths a source discovered, part of each of its files' keys. */
  neighbours(paths: readonly string[]): string {
    return hashParts(paths);
  }

  /** A fresh copy of the cached result (its trees read when first walked), or undefined. */
  get<TRecord>(key: string): ParseResult<TRecord> | undefined {
    const result = this.cache.get(key) as ParseResult<TRecord> | undefined;
    if (!result) return undefined;
    for (const [index, record] of result.records.entries()) {
      const tree = treeOf(record);
      if (!tree) continue;
      const children = this.cache.lazy(`${key}/${index}`) as (() => Root['children']) | undefined;
      // Saved together, so never apart but in a damaged file: then parse afresh.
      if (!children) {
        this.cache.reject(key);
        return undefined;
      }
      childrenWhenWalked(tree, children);
    }
    return result;
  }

  /** Remembers a result for the next run. */
  set(key: string, result: ParseResult<unknown>): void {
    const records = result.records.map((record, index) => {
      const tree = treeOf(record);
      if (!tree) return record;
      this.cache.set(`${key}/${index}`, tree.children);
      const stub = { ...tree, children: [] };
      return isRoot(record) ? stub : { ...(record as object), body: stub };
    });
    this.cache.set(key, { ...result, records });
  }

  /**
   * Names the trees of a result by the parse they came from (`tree-identity.ts`), so emit need not
   * write them out as JSON to key their pages, and facts derived from them are kept between runs.
   */
  identify(key: string, result: ParseResult<unknown>): void {
    // Without a cache the salt (parser code, config) is unknown: the trees stay unnamed.
    if (!this.cache.enabled) return;
    result.records.forEach((record, index) => {
      const tree = treeOf(record);
      if (tree) rememberTreeIdentity(tree, hashParts([this.cache.salt, key, String(index)]), this.facts);
    });
  }

  /** How much this run took from the cache. */
  use(): ParseCacheUse {
    if (!this.cache.enabled) return 'off';
    return this.cache.misses === 0 ? 'hit' : this.cache.hits === 0 ? 'miss' : 'partial';
  }

  /** Writes the entries this run used (stale ones drop out), atomically. */
  async save(): Promise<void> {
    await Promise.all([this.cache.save(), this.facts.save()]);
  }
}

/** The tree a record is, or holds as its `body`. */
function treeOf(record: unknown): Root | null {
  return isRoot(record) ? record : isRoot((record as { body?: unknown } | null)?.body) ? (record as { body: Root }).body : null;
}

/**
 * Makes `tree.children` read `children()` when first used, then stay a plain property (in its
 * place among the tree's keys, so the tree writes out as JSON as a parsed one does).
 */
function childrenWhenWalked(tree: Root, children: () => Root['children']): void {
  const settle = (value: Root['children']) => Object.defineProperty(tree, 'children', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(tree, 'children', {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = children();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root';
}
