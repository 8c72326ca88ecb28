// @ts-check
// The Astro project that renders a handover site. It reads only the generated content folder
// (HANDOVER_CONTENT_DIR, written by `handover build`), never the service repo itself.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { siteInputsOnly, watchContentInNodeModules } from './site/lib/dev-watch.ts';
import { handoverHeadingLinks } from './site/lib/heading-links.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
/** The site's settings, sent by `handover build` when it started this process early (see earlyStart). */
const sent = await earlyStart();
const contentDir = path.resolve(root, process.env.HANDOVER_CONTENT_DIR ?? 'content/generated');

/** @type {import('./scripts/model/schemas/site-settings.ts').SiteSettings} */
let settings;
try {
  settings = sent ?? JSON.parse(readFileSync(path.join(contentDir, 'site.json'), 'utf8'));
} catch {
  throw new Error(`No generated content in ${contentDir}. Build the site with \`npm run build\` (or \`handover build\`), not with \`astro build\` directly.`);
}

/** A versioned build's versions, for the version switcher (set by `handover build --versioned`). */
const versions = process.env.HANDOVER_VERSIONS ? JSON.parse(process.env.HANDOVER_VERSIONS) : null;

export default defineConfig({
  root,
  srcDir: './site',
  publicDir: './site/public',
  site: process.env.HANDOVER_SITE_URL || undefined,
  base: process.env.HANDOVER_BASE || '/',
  outDir: process.env.HANDOVER_OUT_DIR || './dist',
  cacheDir: process.env.HANDOVER_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // `handover dev` is a preview of the docs for the people writing them, not an Astro project to
  // debug; the toolbar's scripts and audits would run on every reload after each save.
  devToolbar: { enabled: false },
  // Pages render four at a time: rendering waits on collection reads and file writes (10 % faster at 1,000 pages).
  build: { concurrency: 4 },
  vite: {
    plugins: [settingsModule(settings), settingsModule(versions, 'virtual:handover/versions'), reloadOnRequest(), watchContentInNodeModules(contentDir)],
    // Pagefind's UI (94 KB) loads when the reader reaches for search, not on every page; see
    // site/lib/lazy-pagefind-ui.ts and ADR 16.
    resolve: { alias: [{ find: /^@pagefind\/default-ui$/, replacement: path.join(root, 'site', 'lib', 'lazy-pagefind-ui.ts') }] },
    server: {
      // The content folder may live outside this project (a temp folder, a service repo's .handover/).
      fs: { allow: [root, contentDir] },
      // `handover dev` watches only what the site is made of (see siteInputsOnly).
      watch: { ignored: [siteInputsOnly(root, contentDir)] },
    },
  },
  integrations: [
    starlight({
      title: settings.title,
      description: settings.description ?? undefined,
      // Sections link to their index pages; documents are reached from there and from search.
      // Autogenerating over document folders would put every page's link on every page.
      sidebar: settings.sections,
      social: settings.repoUrl ? [{ icon: 'github', label: 'Source repository', href: settings.repoUrl }] : [],
      customCss: ['./site/styles/handover.css'],
      components: {
        MarkdownContent: './site/components/overrides/MarkdownContent.astro',
        Search: './site/components/overrides/Search.astro',
        // The version switcher sits beside the social icons (in the header, and in the mobile menu).
        ...(versions ? { SocialIcons: './site/components/overrides/SocialIcons.astro' } : {}),
        Footer: './site/components/overrides/Footer.astro',
      },
      // Wrapped code never scrolls sideways, so no code block is a scroll region that needs a
      // tab stop (axe: scrollable-region-focusable), with or without JavaScript.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: true } },
      lastUpdated: false,
      // Handover indexes the site with Pagefind itself, once Astro has exited, so a large build
      // never holds Astro's memory and Pagefind's at once (scripts/site-build/run-pagefind.ts).
      // The search box stays: Starlight shows it whenever Search is overridden, as it is here.
      pagefind: false,
      pagination: false,
      markdown: { processedDirs: [contentDir] },
      // Heading anchor links whose icon the stylesheet draws, not an SVG in every heading.
      plugins: [handoverHeadingLinks({ contentDir })],
    }),
    mdx(),
    rememberTranslations(),
    publishAssets(path.join(contentDir, 'assets')),
  ],
});

/**
 * `handover build` can start this process before the content exists (scripts/site-build/
 * run-astro.ts, AstroBuild), so Node, Astro and the integrations load while it generates the
 * content. Two messages then come on the IPC channel: the run's target (environment) and site
 * settings, once Handover knows its model, and word that the pages are written, which the content
 * loaders wait for (site/content.config.ts). Both listeners are set at once: the messages can
 * arrive together. Resolves with null in any other run.
 * @returns {Promise<import('./scripts/model/schemas/site-settings.ts').SiteSettings | null>}
 */
function earlyStart() {
  if (!process.env.HANDOVER_AWAIT_TARGET || !process.send) return Promise.resolve(null);
  // Once per process, should Astro evaluate this file again: the messages come once.
  /** @type {Record<symbol, Promise<any>>} */
  const shared = /** @type {any} */ (globalThis);
  const key = Symbol.for('handover.earlyStart');
  shared[key] ??= awaitMessages();
  return shared[key];
}

/** @returns {Promise<import('./scripts/model/schemas/site-settings.ts').SiteSettings>} */
async function awaitMessages() {
  // Handover stopped without a site to build (a secret found, an error): so does this process.
  const gone = () => process.exit(1);
  process.on('disconnect', gone);
  /** @type {(message: { env: Record<string, string>, settings: any }) => void} */
  let configure = () => {};
  /** @type {() => void} */
  let written = () => {};
  /** @type {Promise<{ env: Record<string, string>, settings: any }>} */
  const configured = new Promise((resolve) => (configure = resolve));
  /** @param {any} message */
  const onMessage = (message) => {
    if (message?.type === 'handover:configure') configure(message);
    if (message?.type !== 'handover:content') return;
    process.off('message', onMessage);
    process.off('disconnect', gone);
    // Nothing else comes on the channel: it must not keep the build alive.
    process.channel?.unref();
    written();
  };
  /** @type {Record<symbol, Promise<void>>} */ (globalThis)[Symbol.for('handover.contentWritten')] = new Promise((resolve) => (written = resolve));
  process.on('message', onMessage);
  const { env, settings } = await configured;
  Object.assign(process.env, env);
  return settings;
}

/**
 * Exposes the generated site settings to pages as `virtual:handover/settings` (or another value as `id`).
 * @param {unknown} value
 * @param {string} [id]
 */
function settingsModule(value, id = 'virtual:handover/settings') {
  return {
    name: 'handover-settings',
    /** @param {string} source */
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    /** @param {string} loaded */
    load: (loaded) => (loaded === `\0${id}` ? `export default ${JSON.stringify(value)};` : undefined),
  };
}

/**
 * In `handover dev`, reloads the open pages when Handover asks (a message on the IPC channel it
 * opens to this process): once Astro's content layer has read a page Handover rewrote. Vite's own
 * reload, on the file change, can come before that and show the page as it was.
 * @returns {import('vite').Plugin}
 */
function reloadOnRequest() {
  return {
    name: 'handover-reload-on-request',
    apply: 'serve',
    configureServer(server) {
      if (!process.send) return;
      // The channel must not keep the server alive once it is asked to stop.
      process.channel?.unref();
      process.on('message', (message) => {
        if (message === 'handover:reload') server.ws.send({ type: 'full-reload', path: '*' });
      });
    },
  };
}

/** Starlight's UI strings translated once per build, not once per page (site/lib/remembered-translations.ts). */
function rememberTranslations() {
  return {
    name: 'handover-remembered-translations',
    hooks: {
      /** @param {{ addMiddleware: (middleware: { entrypoint: URL; order: 'pre' | 'post' }) => void }} options */
      'astro:config:setup': ({ addMiddleware }) => {
        // After Starlight's own middleware, which sets `locals.t`.
        addMiddleware({ entrypoint: new URL('./site/lib/remembered-translations.ts', import.meta.url), order: 'post' });
      },
    },
  };
}

/**
 * Publishes the images documents show (copied by `handover build` into the content folder's
 * `assets/`) at `<base>assets/`: copied into the output after a build, served as-is in dev.
 * @param {string} folder
 * @returns {import('astro').AstroIntegration}
 */
function publishAssets(folder) {
  return {
    name: 'handover-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const base = process.env.HANDOVER_BASE || '/';
          const url = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          if (!url.startsWith(`${base}assets/`)) return next();
          const file = path.join(folder, url.slice(`${base}assets/`.length));
          if (!file.startsWith(folder + path.sep) || !existsSync(file)) return next();
          response.end(readFileSync(file));
        });
      },
      'astro:build:done': ({ dir }) => {
        if (existsSync(folder)) cpSync(folder, path.join(fileURLToPath(dir), 'assets'), { recursive: true });
      },
    },
  };
}
