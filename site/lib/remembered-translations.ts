import { defineMiddleware } from 'astro:middleware';

type Translate = App.Locals['t'];

/** UI strings already translated, by language and key (Starlight's own, fixed for a build). */
const remembered = new Map<string, Map<string, string>>();

/**
 * Remembers the UI strings Starlight's components ask for without options (labels such as
 * "Search" or "On this page"), so each page does not translate them again through i18next: about
 * 30 strings a page, half a second of rendering per 1,000 pages. Calls with options (counts,
 * interpolation) go to i18next as before; so do `all`, `exists` and `dir`. i18next keeps no such
 * cache itself (https://github.com/i18next/i18next/issues/1639); see docs/adr/0023.
 */
export const onRequest = defineMiddleware((context, next) => {
  const translate = context.locals.t as Translate | undefined;
  if (typeof translate !== 'function') return next();
  const lang = context.currentLocale ?? '';
  const known = remembered.get(lang) ?? new Map<string, string>();
  remembered.set(lang, known);
  const call = translate as unknown as (key: unknown, options?: unknown) => string;
  const t = ((key: unknown, options?: unknown) => {
    if (options !== undefined || typeof key !== 'string') return call(key, options);
    let value = known.get(key);
    if (value === undefined) {
      value = call(key);
      known.set(key, value);
    }
    return value;
  }) as Translate;
  t.all = translate.all;
  t.exists = translate.exists;
  t.dir = translate.dir;
  context.locals.t = t;
  return next();
});
