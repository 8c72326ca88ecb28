import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from './types.ts';

/** Name of the cache file in the work dir's cache folder. */
const CACHE_FILE = 'handover-parse-cache.json';
const FORMAT = 1;

/** How much of this run's parsing the cache served. */
export type ParseCacheUse = 'hit' | 'partial' | 'miss' | 'off';

/**
 * Parse results from earlier runs, keyed by a hash of everything a parse depends on: the source
 * kind, the file's path and text, the files its source discovered beside it, the config and
 * Handover's own parser code. Parsing is pure, so an unchanged file gives the same result: a
 * rebuild (and every save in `handover dev`) parses only what changed. Entries are kept as JSON
 * text and parsed afresh on each use, so nothing downstream can change a cached result.
 */
export class ParseCache {
  #previous: Map<string, string>;
  #current = new Map<string, string>();
  #hits = 0;
  #misses = 0;

  private constructor(
    readonly file: string | null,
    readonly salt: string,
    previous: Map<string, string>,
  ) {
    this.#previous = previous;
  }

  /** A cache that remembers nothing (no cache folder: tests, `handover ingest`). */
  static disabled(): ParseCache {
    return new ParseCache(null, '', new Map());
  }

  /** Opens the cache in `cacheDir` for this repo and config; a missing or stale file is an empty cache. */
  static async open(cacheDir: string, repoRoot: string, config: unknown): Promise<ParseCache> {
    const file = path.join(cacheDir, CACHE_FILE);
    const salt = hash([String(FORMAT), parserCodeHash(), path.resolve(repoRoot), JSON.stringify(config)]);
    // `handover dev` rebuilds in one process: the entries of the last run are already in memory.
    const kept = open.get(file);
    if (kept && kept.salt === salt) return new ParseCache(file, salt, kept.entries);
    let previous = new Map<string, string>();
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as { format: number; salt: string; entries: Record<string, string> };
      if (stored.format === FORMAT && stored.salt === salt) previous = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or an unreadable one: parse everything.
    }
    return new ParseCache(file, salt, previous);
  }

  /** The key of one file's parse: its source, path and text, and the paths discovered beside it. */
  key(kind: string, filePath: string, text: string, neighbours: string): string {
    return hash([kind, filePath, neighbours, text]);
  }

  /** A fresh copy of the cached result, or undefined. */
  get<TRecord>(key: string): ParseResult<TRecord> | undefined {
    if (!this.file) return undefined;
    const json = this.#previous.get(key);
    if (json === undefined) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    this.#current.set(key, json);
    return JSON.parse(json) as ParseResult<TRecord>;
  }

  /** Remembers a result for the next run. */
  set(key: string, result: ParseResult<unknown>): void {
    if (this.file) this.#current.set(key, JSON.stringify(result));
  }

  /** How much this run took from the cache. */
  use(): ParseCacheUse {
    if (!this.file) return 'off';
    return this.#misses === 0 ? 'hit' : this.#hits === 0 ? 'miss' : 'partial';
  }

  /** Writes the entries this run used (stale ones drop out), atomically. */
  async save(): Promise<void> {
    if (!this.file) return;
    open.set(this.file, { salt: this.salt, entries: this.#current });
    await mkdir(path.dirname(this.file), { recursive: true });
    const entries = Object.fromEntries([...this.#current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ format: FORMAT, salt: this.salt, entries }));
    await rename(temporary, this.file);
  }
}

/** Caches opened in this process, by file: `handover dev` reuses the last run's entries. */
const open = new Map<string, { salt: string; entries: Map<string, string> }>();

let codeHash: string | null = null;

/** A hash of Handover's parsing code, so a changed parser never serves an old result. */
function parserCodeHash(): string {
  if (codeHash) return codeHash;
  const scripts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = ['sources', 'config', 'diagnostics', 'model/schemas'].flatMap((folder) =>
    (readdirSync(path.join(scripts, folder), { recursive: true, encoding: 'utf8' }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(scripts, folder, file)),
  );
  codeHash = hash(files.sort().flatMap((file) => [path.relative(scripts, file), readFileSync(file, 'utf8')]));
  return codeHash;
}

function hash(parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
}
