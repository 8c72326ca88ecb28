import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An entry's JSON text: a string, or the bytes of the cache file it was read from (decoded only
 * when the entry is parsed, and written back as they are: a rebuild that parses few entries never
 * decodes the rest of a file of tens of megabytes).
 */
type Json = string | Buffer;

/** Caches saved in this process, by file: `handover dev` reuses the last run's entries without reading the file. */
const opened = new Map<string, { salt: string; entries: Map<string, Json> }>();
let keepInMemory = false;

/**
 * Keeps each saved cache's entries in memory for the next run in this process (`handover dev`,
 * which regenerates on every save). A one-off build does not: they would stay alive while Astro
 * runs (100 MB and more for a large repo).
 */
export function keepCachesBetweenRuns(): void {
  keepInMemory = true;
}

/**
 * A cache file in the work dir: JSON texts by key, for results that depend only on the key's
 * inputs. `salt` names everything else they depend on (Handover's code, tool versions): a different
 * salt empties the cache. Only entries used in a run are saved, so stale ones drop out. Entries are
 * kept as JSON text and parsed afresh on each use, so nothing downstream can change a cached value.
 */
export class KeyedCache<T> {
  readonly #previous: Map<string, Json>;
  readonly #current = new Map<string, Json>();
  hits = 0;
  misses = 0;

  readonly file: string | null;
  readonly salt: string;

  private constructor(file: string | null, salt: string, previous: Map<string, Json>) {
    this.file = file;
    this.salt = salt;
    this.#previous = previous;
  }

  /** A cache that remembers nothing. */
  static disabled<T>(): KeyedCache<T> {
    return new KeyedCache<T>(null, '', new Map());
  }

  /** Opens `name` in `cacheDir` (none: disabled); a missing, damaged or differently salted file is an empty cache. */
  static async open<T>(cacheDir: string | null, name: string, salt: string): Promise<KeyedCache<T>> {
    if (!cacheDir) return KeyedCache.disabled<T>();
    const file = path.join(cacheDir, name);
    const kept = opened.get(file);
    if (kept && kept.salt === salt) return new KeyedCache<T>(file, salt, kept.entries);
    let previous = new Map<string, Json>();
    try {
      previous = readEntries(await readFile(file), salt);
    } catch {
      // No cache yet, or an unreadable one: compute everything.
    }
    return new KeyedCache<T>(file, salt, previous);
  }

  get enabled(): boolean {
    return this.file !== null;
  }

  /** A fresh copy of the value cached under `key`, or undefined. */
  get(key: string): T | undefined {
    const taken = this.#take(key);
    if (!taken) {
      if (this.file) this.misses += 1;
      return undefined;
    }
    // A value set in this run and asked for again is no hit on an earlier build's cache.
    if (taken.earlier) this.hits += 1;
    return parseJson(taken.json) as T;
  }

  /**
   * Like `get`, but parses the value only when the returned function is called (each call gives a
   * fresh copy); the entry is kept for the next run either way. Not counted as a hit or a miss.
   */
  lazy(key: string): (() => T) | undefined {
    const taken = this.#take(key);
    return taken && (() => parseJson(taken.json) as T);
  }

  /** The JSON text under `key`, kept for the next run, and whether an earlier build saved it. */
  #take(key: string): { json: Json; earlier: boolean } | undefined {
    if (!this.file) return undefined;
    const earlier = this.#previous.get(key);
    const json = earlier ?? this.#current.get(key);
    if (json === undefined) return undefined;
    this.#current.set(key, json);
    return { json, earlier: earlier !== undefined };
  }

  /**
   * Takes back a `get` whose value turned out unusable (an entry of a damaged file): it counts as a
   * miss, and is not kept unless set again.
   */
  reject(key: string): void {
    if (!this.#current.delete(key) || !this.#previous.has(key)) return;
    this.hits -= 1;
    this.misses += 1;
  }

  /** Remembers a value for the next run (`key`: no tab or line break, a hash in practice). */
  set(key: string, value: T): void {
    if (/[\t\n\r]/.test(key)) throw new Error(`A cache key cannot hold a tab or a line break: ${JSON.stringify(key)}`);
    const json = this.file ? asciiJson(value) : undefined;
    if (json !== undefined) this.#current.set(key, json);
  }

  /** Writes the entries this run used, atomically. */
  async save(): Promise<void> {
    if (!this.file) return;
    if (keepInMemory) opened.set(this.file, { salt: this.salt, entries: this.#current });
    await mkdir(path.dirname(this.file), { recursive: true });
    // Bytes read from the file go back as they are.
    const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ format: FORMAT, salt: this.salt })}\n`)];
    for (const [key, json] of [...this.#current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      parts.push(Buffer.from(`${key}\t`, 'utf8'), typeof json === 'string' ? Buffer.from(json, 'utf8') : json, NEWLINE);
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, Buffer.concat(parts));
    await rename(temporary, this.file);
  }
}

/**
 * The file's layout: a header line (format and salt), then one line per entry, its key, a tab and
 * its JSON text (JSON.stringify never writes a raw line break). Opening a cache only splits lines;
 * each entry is parsed when it is asked for. (A single JSON object of JSON texts made every open
 * unescape every entry, and every save escape it again.)
 */
const FORMAT = 'handover-keyed-cache/3';

const NEWLINE = Buffer.from('\n');
const TAB = 9;
const LINE_BREAK = 10;

/**
 * The entries of a cache file, or none when it has another format or salt. Each entry's text stays
 * as bytes of the file until it is parsed (UTF-8 never has a tab or line break byte inside a
 * character, so a file written by hand splits the same way).
 */
function readEntries(bytes: Buffer, salt: string): Map<string, Json> {
  const entries = new Map<string, Json>();
  let end = bytes.indexOf(LINE_BREAK);
  const header = JSON.parse(bytes.toString('utf8', 0, end === -1 ? bytes.length : end)) as { format?: unknown; salt?: unknown } | null;
  if (header?.format !== FORMAT || header.salt !== salt) return entries;
  while (end !== -1 && end < bytes.length) {
    const start = end + 1;
    end = bytes.indexOf(LINE_BREAK, start);
    const stop = end === -1 ? bytes.length : end;
    const tab = bytes.indexOf(TAB, start);
    if (tab > start && tab < stop) entries.set(bytes.toString('utf8', start, tab), bytes.subarray(tab + 1, stop));
  }
  return entries;
}

/** The value of an entry's JSON text. */
function parseJson(json: Json): unknown {
  return JSON.parse(typeof json === 'string' ? json : json.toString('utf8'));
}

/**
 * JSON with every character outside ASCII written as a `\uXXXX` escape. One such character (a dash in
 * a document, an arrow on an API page) would otherwise make V8 hold the whole cache file, read
 * back as one string, at two bytes a character: twice the memory, and slower to split and write.
 */
function asciiJson(value: unknown): string | undefined {
  // `undefined` has no JSON: such a value is not kept.
  return JSON.stringify(value)?.replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A hash of texts, separated so that ("ab", "c") and ("a", "bc") differ. */
export function hashParts(parts: readonly string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
}

const codeHashes = new Map<string, string>();
/** Handover's TypeScript files (relative to `scripts/`, sorted) and a hash of each, read once per process. */
let codeFiles: { relative: string; digest: string }[] | null = null;

/** A hash of Handover's own code in the given folders of `scripts/`, so changed code never serves an old result. */
export function codeHash(folders: readonly string[]): string {
  const id = folders.join('\n');
  const known = codeHashes.get(id);
  if (known) return known;
  const scripts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  codeFiles ??= (readdirSync(scripts, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(scripts, file))
    .sort()
    .map((file) => ({ relative: path.relative(scripts, file), digest: createHash('sha256').update(readFileSync(file)).digest('hex') }));
  const prefixes = folders.map((folder) => path.relative(scripts, path.join(scripts, folder)));
  const inFolders = codeFiles.filter(({ relative }) => prefixes.some((prefix) => prefix === '' || relative.startsWith(`${prefix}${path.sep}`)));
  const value = hashParts(inFolders.flatMap(({ relative, digest }) => [relative, digest]));
  codeHashes.set(id, value);
  return value;
}
