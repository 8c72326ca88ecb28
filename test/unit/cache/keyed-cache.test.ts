import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyedCache } from '../../../scripts/cache/keyed-cache.ts';

describe('KeyedCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'handover-keyed-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back what an earlier run saved, whatever characters the values hold', async () => {
    const awkward = { text: 'line one\nline two\ttabbed\r\n\u2028\u2029 "quoted" \\ back, caf\u00e9 \u2014 \u{1F680} \u007f', list: [1, null, true], nested: { empty: '' } };
    const first = await KeyedCache.open<typeof awkward>(dir, 'values.json', 'salt-1');
    first.set('b', awkward);
    first.set('a', { ...awkward, text: '' });
    await first.save();

    const second = await KeyedCache.open<typeof awkward>(dir, 'values.json', 'salt-1');
    expect(second.get('b')).toEqual(awkward);
    expect(second.get('a')).toEqual({ ...awkward, text: '' });
    expect(second.get('c')).toBeUndefined();
    expect([second.hits, second.misses]).toEqual([2, 1]);
    // Written as ASCII, so the file reads back as a one-byte string however long it is.
    expect([...(await readFile(path.join(dir, 'values.json')))].every((byte) => byte < 0x80)).toBe(true);
  });

  it('hands out fresh copies, so a caller cannot change the cached value', async () => {
    const cache = await KeyedCache.open<{ items: number[] }>(dir, 'values.json', 's');
    cache.set('k', { items: [1] });
    cache.get('k')!.items.push(2);
    expect(cache.get('k')).toEqual({ items: [1] });
  });

  it('saves only the entries this run used, in key order, so the same run writes the same bytes', async () => {
    const first = await KeyedCache.open<number>(dir, 'values.json', 's');
    for (const key of ['z', 'm', 'a']) first.set(key, key.charCodeAt(0));
    await first.save();
    const second = await KeyedCache.open<number>(dir, 'values.json', 's');
    second.get('m');
    second.set('b', 2);
    await second.save();
    const text = await readFile(path.join(dir, 'values.json'), 'utf8');
    expect(text.split('\n').slice(1)).toEqual(['b\t2', 'm\t109', '']);
    const third = await KeyedCache.open<number>(dir, 'values.json', 's');
    expect([third.get('z'), third.get('m')]).toEqual([undefined, 109]);
  });

  it('writes back the entries a run kept without parsing them byte for byte, and reads a file with other than ASCII in it', async () => {
    const first = await KeyedCache.open<unknown>(dir, 'values.json', 's');
    first.set('kept', { text: 'caf\u00e9 \u2014 \u{1F680}', n: [1, 2] });
    first.set('lazy', { tree: 'x'.repeat(1000) });
    await first.save();
    const saved = await readFile(path.join(dir, 'values.json'));
    const second = await KeyedCache.open<unknown>(dir, 'values.json', 's');
    second.get('kept');
    second.lazy('lazy');
    await second.save();
    expect(await readFile(path.join(dir, 'values.json'))).toEqual(saved);

    // Written by hand (or by another tool): UTF-8 rather than escapes.
    await writeFile(path.join(dir, 'values.json'), `${JSON.stringify({ format: 'handover-keyed-cache/3', salt: 's' })}\nk\t"caf\u00e9 \u2014"\n`);
    const third = await KeyedCache.open<string>(dir, 'values.json', 's');
    expect(third.get('k')).toBe('caf\u00e9 \u2014');
    await third.save();
    expect((await KeyedCache.open<string>(dir, 'values.json', 's')).get('k')).toBe('caf\u00e9 \u2014');
  });

  it('starts empty on another salt, a damaged file or a file of the earlier layout', async () => {
    const cache = await KeyedCache.open<number>(dir, 'values.json', 'one');
    cache.set('k', 1);
    await cache.save();
    expect((await KeyedCache.open<number>(dir, 'values.json', 'two')).get('k')).toBeUndefined();

    await writeFile(path.join(dir, 'values.json'), '{"format": "handover-keyed-cache/3", "salt": "one"\nk\t1');
    expect((await KeyedCache.open<number>(dir, 'values.json', 'one')).get('k')).toBeUndefined();

    await writeFile(path.join(dir, 'values.json'), JSON.stringify({ salt: 'one', entries: { k: '1' } }));
    expect((await KeyedCache.open<number>(dir, 'values.json', 'one')).get('k')).toBeUndefined();
  });

  it('parses a value asked for lazily only when used, and keeps it for the next run either way', async () => {
    const first = await KeyedCache.open<{ n: number }>(dir, 'values.json', 's');
    first.set('used', { n: 1 });
    first.set('unused', { n: 2 });
    await first.save();
    const second = await KeyedCache.open<{ n: number }>(dir, 'values.json', 's');
    const value = second.lazy('used')!;
    expect(second.lazy('missing')).toBeUndefined();
    await second.save();
    const copy = value();
    copy.n = 5;
    expect(value()).toEqual({ n: 1 });
    const third = await KeyedCache.open<{ n: number }>(dir, 'values.json', 's');
    expect([third.get('used'), third.get('unused')]).toEqual([{ n: 1 }, undefined]);
  });

  it('refuses a key that would break the file layout', async () => {
    const cache = await KeyedCache.open<number>(dir, 'values.json', 's');
    expect(() => cache.set('a\tb', 1)).toThrow(/tab or a line break/);
    expect(() => cache.set('a\nb', 1)).toThrow(/tab or a line break/);
  });
});
