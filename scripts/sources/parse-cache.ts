import path from 'node:path';
import { codeHash, hashParts, KeyedCache } from '../cache/keyed-cache.ts';
import type { Root } from 'mdast';
import { rememberTreeIdentity } from './tree-identity.ts';
import type { ParseResult } from './types.ts';

/** Name of the cache file in the work dir's cache folder. */
const CACHE_FILE = 'handover-parse-cache.json';
const FORMAT = 2;

/** How much of this run's parsing the cache served. */
export type ParseCacheUse = 'hit' | 'partial' | 'miss' | 'off';

/**
 * Parse results from earlier runs, keyed by a hash of everything a parse depends on: the source
 * kind, the file's path and text, the files its source discovered beside it, the config and
 * Handover's own parser code. Parsing is pure, so an unchanged file gives the same result: a
 * rebuild (and every save in `handover dev`) parses only what changed.
 */
export class ParseCache {
  private readonly cache: KeyedCache<ParseResult<unknown>>;

  private constructor(cache: KeyedCache<ParseResult<unknown>>) {
    this.cache = cache;
  }

  /** A cache that remembers nothing (no cache folder: tests, `handover ingest`). */
  static disabled(): ParseCache {
    return new ParseCache(KeyedCache.disabled());
  }

  /** Opens the cache in `cacheDir` for this repo and config; a missing or stale file is an empty cache. */
  static async open(cacheDir: string, repoRoot: string, config: unknown): Promise<ParseCache> {
    const salt = hashParts([String(FORMAT), codeHash(['sources', 'config', 'diagnostics', 'model/schemas']), path.resolve(repoRoot), JSON.stringify(config)]);
    return new ParseCache(await KeyedCache.open(cacheDir, CACHE_FILE, salt));
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

  /** A fresh copy of the cached result, or undefined. */
  get<TRecord>(key: string): ParseResult<TRecord> | undefined {
    return this.cache.get(key) as ParseResult<TRecord> | undefined;
  }

  /** Remembers a result for the next run. */
  set(key: string, result: ParseResult<unknown>): void {
    this.cache.set(key, result);
  }

  /**
   * Names the trees of a result (records that are trees, and records' `body` trees) by the parse
   * they came from (`tree-identity.ts`), so emit need not write them out as JSON to key their pages.
   */
  identify(key: string, result: ParseResult<unknown>): void {
    // Without a cache the salt (parser code, config) is unknown: the trees stay unnamed.
    if (!this.cache.enabled) return;
    result.records.forEach((record, index) => {
      const tree = isRoot(record) ? record : isRoot((record as { body?: unknown } | null)?.body) ? (record as { body: Root }).body : null;
      if (tree) rememberTreeIdentity(tree, hashParts([this.cache.salt, key, String(index)]));
    });
  }

  /** How much this run took from the cache. */
  use(): ParseCacheUse {
    if (!this.cache.enabled) return 'off';
    return this.cache.misses === 0 ? 'hit' : this.cache.hits === 0 ? 'miss' : 'partial';
  }

  /** Writes the entries this run used (stale ones drop out), atomically. */
  save(): Promise<void> {
    return this.cache.save();
  }
}

function isRoot(value: unknown): value is Root {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root';
}
