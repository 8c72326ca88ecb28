// What `handover dev`'s server watches: only the site's own inputs in Handover's folder, and a
// content folder inside node_modules (which Vite's watcher never looks into) through a watcher of its own.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forwardFileEvents, hiddenFromVite, siteInputsOnly } from '../../../site/lib/dev-watch.ts';

describe('siteInputsOnly', () => {
  const root = path.join(path.sep, 'opt', 'handover');
  const ignored = siteInputsOnly(root, path.join(root, 'content', 'generated'));
  const at = (relative: string) => path.join(root, ...relative.split('/'));

  it("leaves out a checkout's tests, benchmark files, docs and built sites", () => {
    for (const relative of ['test', 'test/bench/.work/n-5000/repo/docs/adr/0001.md', 'dist', 'dist/index.html', 'docs/benchmarks.md', 'examples/demo-service', 'scripts/cli.ts', 'content/other']) {
      expect(ignored(at(relative)), relative).toBe(true);
    }
  });

  it('watches the site, the config files, Astro\'s folder, the .env files and the content folder', () => {
    for (const relative of ['site', 'site/pages/index.astro', 'astro.config.mjs', 'package.json', 'tsconfig.json', '.astro/content-modules.mjs', '.env.development', 'content', 'content/generated', 'content/generated/docs/adr/0001.mdx']) {
      expect(ignored(at(relative)), relative).toBe(false);
    }
    expect(ignored(root)).toBe(false);
  });

  it('leaves folders outside the root to Vite, and follows a content folder deep inside it', () => {
    expect(ignored(path.join(path.sep, 'tmp', 'work', 'content', 'docs', 'x.mdx'))).toBe(false);
    const deep = siteInputsOnly(root, at('test/bench/.work/dev/work/content'));
    expect(deep(at('test/bench/.work'))).toBe(false);
    expect(deep(at('test/bench/.work/dev/work/content/docs/adr/0001.mdx'))).toBe(false);
    expect(deep(at('test/bench/.work/n-1000'))).toBe(true);
    expect(deep(at('test/unit'))).toBe(true);
  });
});

describe('hiddenFromVite', () => {
  it('is true for a folder through node_modules only', () => {
    expect(hiddenFromVite(path.join(path.sep, 'srv', 'app', 'node_modules', 'handover', 'content', 'generated'))).toBe(true);
    expect(hiddenFromVite(path.join(path.sep, 'srv', 'app', '.handover-work', 'content'))).toBe(false);
    expect(hiddenFromVite(path.join(path.sep, 'srv', 'my_node_modules_notes', 'content'))).toBe(false);
  });
});

describe('forwardFileEvents', () => {
  let folder: string;
  let events: [string, string][];
  let watcher: FSWatcher;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handover-watch-'));
    await mkdir(path.join(folder, 'docs', 'adr'), { recursive: true });
    await writeFile(path.join(folder, 'docs', 'adr', 'one.mdx'), 'one');
    events = [];
    const target = new EventEmitter();
    for (const event of ['add', 'change', 'unlink']) target.on(event, (file: string) => events.push([event, path.relative(folder, file).split(path.sep).join('/')]));
    watcher = forwardFileEvents(folder, target);
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  });

  afterEach(async () => {
    await watcher.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** The events that came once `count` have (or after 5 s), and any more within a tenth of a second. */
  async function eventsUntil(count: number): Promise<[string, string][]> {
    const deadline = performance.now() + 5000;
    while (events.length < count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const came = [...events];
    events.length = 0;
    return came;
  }

  it('reports a file changed in place, and again each time it is replaced by a rename', async () => {
    const file = path.join(folder, 'docs', 'adr', 'one.mdx');
    await writeFile(file, 'edited');
    expect(await eventsUntil(1)).toEqual([['change', 'docs/adr/one.mdx']]);
    // As the dev fast path writes a page. Node's recursive fs.watch on Linux reports the first such
    // replacement and then none.
    for (let time = 1; time <= 3; time++) {
      await writeFile(`${file}.tmp`, `rewritten ${time}`);
      await rename(`${file}.tmp`, file);
      expect((await eventsUntil(1)).filter(([, changed]) => changed === 'docs/adr/one.mdx'), `replacement ${time}`).toEqual([['change', 'docs/adr/one.mdx']]);
    }
  });

  it('reports files added, in new folders too, and removed', async () => {
    await writeFile(path.join(folder, 'docs', 'adr', 'two.mdx'), 'two');
    expect(await eventsUntil(1)).toEqual([['add', 'docs/adr/two.mdx']]);
    await mkdir(path.join(folder, 'docs', 'debt'));
    await writeFile(path.join(folder, 'docs', 'debt', 'td-1.mdx'), 'debt');
    expect(await eventsUntil(1)).toEqual([['add', 'docs/debt/td-1.mdx']]);
    await writeFile(path.join(folder, 'docs', 'debt', 'td-1.mdx'), 'debt, edited');
    expect(await eventsUntil(1)).toEqual([['change', 'docs/debt/td-1.mdx']]);
    await rm(path.join(folder, 'docs', 'adr', 'one.mdx'));
    expect(await eventsUntil(1)).toEqual([['unlink', 'docs/adr/one.mdx']]);
  });
});
