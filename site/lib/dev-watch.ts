// What `handover dev`'s server watches (Vite's watcher, which Astro's content layer listens to).
import type { EventEmitter } from 'node:events';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Plugin } from 'vite';

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
  /** The path below the root, in POSIX form; null for the root itself and for paths outside it. */
  const below = (file: string) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative) ? null : relative;
  };
  const inputs = ['site', '.astro', 'astro.config.mjs', 'tsconfig.json', 'package.json', below(contentDir)].filter((input) => input !== null);
  return (file) => {
    const relative = below(file);
    if (relative === null || relative.startsWith('.env')) return false;
    // An input, a file or folder inside one, or a folder on the way to one (`content/` for `content/generated`).
    return !inputs.some((input) => relative === input || relative.startsWith(`${input}/`) || input.startsWith(`${relative}/`));
  };
}

/** Whether `folder` lies in a `node_modules` folder, every path through which Vite's watcher ignores. */
export function insideNodeModules(folder: string): boolean {
  return path.resolve(folder).split(path.sep).includes('node_modules');
}

/**
 * Vite's watcher never looks inside a `node_modules` folder, whatever its options say, and Astro's
 * content layer learns of changed pages only from that watcher. With the content folder there (an
 * installed Handover's default work dir is `node_modules/handover/content/generated`), the pages
 * `handover dev` rewrote after an edit were never read again: no edit ever showed. This plugin
 * watches such a folder with a watcher of its own (chokidar, as Vite's is) and hands its files'
 * events to Vite's watcher, as the watcher's own would be (in the dev server only).
 */
export function watchContentInNodeModules(contentDir: string): Plugin {
  return {
    name: 'handover-watch-content-in-node-modules',
    apply: 'serve',
    configureServer(server) {
      if (!insideNodeModules(contentDir)) return;
      const watcher = forwardFileEvents(contentDir, server.watcher);
      server.httpServer?.once('close', () => void watcher.close());
    },
  };
}

/** Watches `folder` and emits on `target` each file added, changed or removed there (not those there at the start). */
export function forwardFileEvents(folder: string, target: EventEmitter): FSWatcher {
  const watcher = watch(folder, { ignoreInitial: true });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file) => target.emit(event, file));
  return watcher;
}
