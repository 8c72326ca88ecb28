// What `handover dev`'s server watches: only the site's own inputs in Handover's folder, and a
// content folder inside node_modules (which Vite's watcher never looks into) through a watcher of its own.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forwardFileEvents, insideNodeModules, siteInputsOnly } from '../../../site/lib/dev-watch.ts';

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

describe('insideNodeModules', () => {
  it('is true for a folder through node_modules only', () => {
    expect(insideNodeModules(path.join(path.sep, 'srv', 'app', 'node_modules', 'handover', 'content', 'generated'))).toBe(true);
    expect(insideNodeModules(path.join(path.sep, 'srv', 'app', '.handover-work', 'content'))).toBe(false);
    expect(insideNodeModules(path.join(path.sep, 'srv', 'my_node_modules_notes', 'content'))).toBe(false);
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

  /**
   * Waits for what happens to `file` (up to 5 s, then a tenth of a second more) and checks the
   * events about it say so: a new file can be added, then changed as it is written. Events about
   * other files (a late one from an earlier step) are left aside.
   */
  async function expectEvents(file: string, happened: 'added' | 'changed' | 'removed'): Promise<void> {
    const about = () => events.filter(([, changed]) => changed === file).map(([event]) => event);
    const deadline = performance.now() + 5000;
    while (about().length === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const kinds = about();
    events.length = 0;
    const [first, ...then] = kinds;
    if (happened === 'added') expect({ first, then: [...new Set(then)] }, file).toEqual({ first: 'add', then: then.length > 0 ? ['change'] : [] });
    if (happened === 'changed') expect([...new Set(kinds)], file).toEqual(['change']);
    if (happened === 'removed') expect(kinds, file).toEqual(['unlink']);
  }

  it('reports a file changed in place, and again each time it is replaced by a rename', async () => {
    const file = path.join(folder, 'docs', 'adr', 'one.mdx');
    await writeFile(file, 'edited');
    await expectEvents('docs/adr/one.mdx', 'changed');
    // As the dev fast path writes a page. Node's recursive fs.watch on Linux reports the first such
    // replacement and then none.
    for (let time = 1; time <= 3; time++) {
      await writeFile(`${file}.tmp`, `rewritten ${time}`);
      await rename(`${file}.tmp`, file);
      await expectEvents('docs/adr/one.mdx', 'changed');
    }
  });

  it('reports files added, in new folders too, and removed', async () => {
    await writeFile(path.join(folder, 'docs', 'adr', 'two.mdx'), 'two');
    await expectEvents('docs/adr/two.mdx', 'added');
    await mkdir(path.join(folder, 'docs', 'debt'));
    await writeFile(path.join(folder, 'docs', 'debt', 'td-1.mdx'), 'debt');
    await expectEvents('docs/debt/td-1.mdx', 'added');
    await writeFile(path.join(folder, 'docs', 'debt', 'td-1.mdx'), 'debt, edited');
    await expectEvents('docs/debt/td-1.mdx', 'changed');
    await rm(path.join(folder, 'docs', 'adr', 'one.mdx'));
    await expectEvents('docs/adr/one.mdx', 'removed');
  });
});
