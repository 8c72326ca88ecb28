// What `handover dev`'s server watches (Vite's watcher, which Astro's content layer listens to).
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Writes to one file closer together than this make one event. */
const SETTLE_MS = 10;

/**
 * Vite's watcher watches its whole root, Handover's package folder. This test, for its `ignored`
 * option, leaves out all of that folder but what the site is made of: `site/`, Astro's `.astro/`,
 * the config files, the `.env` files, and the content folder when it lies there. The rest of a
 * checkout of Handover (tests and their work files, the benchmark's repositories, built sites) is
 * no input, and crawling it took longer than everything else `handover dev` does before it serves
 * a page (20 s with the benchmark's files present). Paths outside the root (a content folder
 * elsewhere) are left to Vite's own rules.
 */
export function siteInputsOnly(root: string, contentDir: string): (file: string) => boolean {
  const inputs = ['site', '.astro', 'astro.config.mjs', 'tsconfig.json', 'package.json', path.relative(root, contentDir)]
    .filter((input) => input !== '' && !input.startsWith('..') && !path.isAbsolute(input))
    .map((input) => input.split(path.sep).join('/'));
  return (file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
    if (relative.startsWith('.env')) return false;
    // An input, a file or folder inside one, or a folder on the way to one (`content/` for `content/generated`).
    return !inputs.some((input) => relative === input || relative.startsWith(`${input}/`) || input.startsWith(`${relative}/`));
  };
}

/** Whether Vite's watcher leaves `folder` out (it ignores every path through a `node_modules` folder). */
export function hiddenFromVite(folder: string): boolean {
  return path.resolve(folder).split(path.sep).includes('node_modules');
}

/**
 * Vite's watcher never looks inside a `node_modules` folder, whatever its options say, and Astro's
 * content layer learns of changed pages only from that watcher. With the content folder there (an
 * installed Handover's default work dir is `node_modules/handover/content/generated`), the pages
 * `handover dev` rewrote after an edit were never read again: no edit ever showed. This plugin
 * watches such a folder itself and hands its changes to Vite's watcher, as the watcher's own
 * events would be (in the dev server only).
 */
export function watchContentInNodeModules(contentDir: string): Plugin {
  return {
    name: 'handover-watch-content-in-node-modules',
    apply: 'serve',
    configureServer(server) {
      if (!hiddenFromVite(contentDir)) return;
      const watching = watchFolder(contentDir, (event, file) => server.watcher.emit(event, file));
      server.httpServer?.once('close', () => watching.close());
    },
  };
}

export type FolderEvent = 'add' | 'change' | 'unlink';

/**
 * Reports files added, changed and removed anywhere in `root`, as chokidar does: a file replaced
 * by renaming another onto it (an atomic write) is a change. One `fs.watch` per folder, because
 * Node's recursive watch on Linux loses a file once it has been replaced by a rename.
 */
export function watchFolder(root: string, report: (event: FolderEvent, file: string) => void): { close: () => void } {
  const watchers = new Map<string, FSWatcher>();
  const known = new Set<string>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    for (const file of pending) {
      const info = statSync(file, { throwIfNoEntry: false });
      if (info?.isDirectory()) {
        // A folder made, or made again (its parent reports nothing else about it): watched afresh.
        const before = new Set(forget(file));
        for (const found of watchTree(file)) report(before.has(found) ? 'change' : 'add', found);
        for (const gone of before) if (!known.has(gone)) report('unlink', gone);
      } else if (info) {
        report(known.has(file) ? 'change' : 'add', file);
        known.add(file);
      } else if (known.delete(file)) {
        report('unlink', file);
      } else {
        for (const gone of forget(file)) report('unlink', gone);
      }
    }
    pending.clear();
  };

  const changed = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };

  /** Stops watching `folder` and the folders in it; returns the files known there, now forgotten. */
  const forget = (folder: string): string[] => {
    const inside = (entry: string) => entry.startsWith(`${folder}${path.sep}`);
    for (const [watched, watcher] of watchers) {
      if (watched === folder || inside(watched)) {
        watcher.close();
        watchers.delete(watched);
      }
    }
    const gone = [...known].filter(inside);
    for (const entry of gone) known.delete(entry);
    return gone;
  };

  /** Watches `folder` and the folders in it; returns the files found. */
  const watchTree = (folder: string): string[] => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
      const watcher = watch(folder, (_event, name) => {
        if (name) changed(path.join(folder, name));
      });
      // A folder removed while watched: its parent reports the removal.
      watcher.on('error', () => changed(folder));
      watchers.set(folder, watcher);
    } catch {
      // Gone again before it could be watched: its removal is reported by its parent.
      return [];
    }
    const files: string[] = [];
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) files.push(...watchTree(entryPath));
      else {
        known.add(entryPath);
        files.push(entryPath);
      }
    }
    return files;
  };

  if (existsSync(root)) watchTree(root);
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
