import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest.ts';
import { PROJECT_ROOT } from '../../helpers/run-cli.ts';

let scratch: string;
let repo: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'handover-parse-cache-'));
  repo = path.join(scratch, 'repo');
  await cp(path.join(PROJECT_ROOT, 'examples', 'demo-service'), repo, { recursive: true });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the parse cache', () => {
  it('gives a rebuild with unchanged inputs the same model from cached parse results, and reparses only what changed', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const cold = await ingest(repo, { today: '2026-11-27', cacheDir });
    expect(cold.parseCache).toBe('miss');
    await cold.saveIngestCaches();
    const warm = await ingest(repo, { today: '2026-11-27', cacheDir });
    expect(warm.parseCache).toBe('hit');
    await warm.saveIngestCaches();
    // The documents' trees are read from the cache only when walked: building the model did not.
    const unread = (tree: object) => typeof Object.getOwnPropertyDescriptor(tree, 'children')?.get === 'function';
    expect(warm.model.adrs.length).toBeGreaterThan(0);
    expect(warm.model.runbooks.length).toBeGreaterThan(0);
    expect([...warm.model.adrs, ...warm.model.runbooks].filter((record) => !unread(record.body)).map((record) => record.id)).toEqual([]);
    // Read, they are the trees parsed, keys in the same order.
    expect(JSON.stringify(warm.model)).toBe(JSON.stringify(cold.model));
    expect(warm.model).toEqual(cold.model);
    // Everything but TypeDoc's own cache status (a miss, then a hit) is the same.
    const withoutApiCache = (report: typeof cold.report) => JSON.stringify({ ...report, api: { ...report.api, cache: null } });
    expect(withoutApiCache(warm.report)).toBe(withoutApiCache(cold.report));

    const adr = path.join(repo, 'docs/adr/0003-queue-evidence-scanning-with-sqs.md');
    await writeFile(adr, (await readFile(adr, 'utf8')).replace('# 3. Queue evidence scanning with SQS', '# 3. Queue evidence scanning with Amazon SQS'));
    const edited = await ingest(repo, { today: '2026-11-27', cacheDir });
    expect(edited.parseCache).toBe('partial');
    expect(edited.model.adrs.find((record) => record.number === 3)!.title).toBe('Queue evidence scanning with Amazon SQS');
  }, 120_000);

  it('parses a file again, and says so, when the cache file lost the tree of its result', async () => {
    const cacheDir = path.join(scratch, 'cache-damaged');
    const cold = await ingest(repo, { today: '2026-11-27', cacheDir });
    await cold.saveIngestCaches();
    const file = path.join(cacheDir, 'handover-parse-cache.json');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const treeLine = lines.findIndex((line) => /^[0-9a-f]+\/0\t/.test(line));
    expect(treeLine).toBeGreaterThan(0);
    await writeFile(file, lines.filter((_, index) => index !== treeLine).join('\n'));
    const damaged = await ingest(repo, { today: '2026-11-27', cacheDir });
    expect(damaged.parseCache).toBe('partial');
    expect(JSON.stringify(damaged.model)).toBe(JSON.stringify(cold.model));
  }, 120_000);

  it('is not used without a cache folder, and a changed config parses everything again', async () => {
    expect((await ingest(repo, { today: '2026-11-27' })).parseCache).toBe('off');
    const cacheDir = path.join(scratch, 'cache-config');
    await (await ingest(repo, { today: '2026-11-27', cacheDir })).saveIngestCaches();
    const config = path.join(repo, 'handover.config.yaml');
    await writeFile(config, `${await readFile(config, 'utf8')}\nsite:\n  title: Blue Badge handover pack\n`);
    expect((await ingest(repo, { today: '2026-11-27', cacheDir })).parseCache).toBe('miss');
  }, 120_000);
});
