// Stands in for `@pagefind/default-ui` (aliased in astro.config.mjs). Starlight's search imports
// Pagefind's UI as soon as the browser is idle, on every page: 94 KB of JavaScript that most
// readers never use. This class takes the same options and loads the real UI only when the reader
// reaches for search: pointer over or focus on the search button, a click, or Ctrl/Cmd+K.
// Without JavaScript nothing changes (search needs it either way).

type Options = Record<string, unknown> & { element: string };

/**
 * Starlight's search ranking (its `pagefind` option's defaults). Handover runs Pagefind itself
 * (`pagefind: false` in astro.config.mjs, see scripts/site-build/run-pagefind.ts), so Starlight
 * passes no ranking to the UI: this keeps results in Starlight's order. A test compares these with
 * Starlight's own defaults.
 */
export const STARLIGHT_RANKING = { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 };

export class PagefindUI {
  constructor(options: Options) {
    const element = document.querySelector<HTMLElement>(options.element);
    const host = element?.closest('site-search') ?? document;
    const button = host.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const dialog = host.querySelector('dialog');
    let loading: Promise<void> | null = null;
    const load = () =>
      (loading ??= import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => {
        new Real({ ranking: STARLIGHT_RANKING, ...options });
        // Starlight focused the input when the dialog opened, before the UI had drawn it.
        if (dialog?.open) element?.querySelector('input')?.focus();
      }));
    for (const event of ['pointerenter', 'focus', 'click', 'touchstart']) button?.addEventListener(event, () => void load(), { once: true, passive: true });
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') void load();
    });
    // Starlight constructs this on idle, but its button works from the start: a reader who opened
    // search before then (a quick Ctrl+K, a click) has an open dialog and no UI yet. Load now, or
    // whenever the dialog opens by any other route.
    if (dialog?.open) void load();
    else if (dialog) {
      const observer = new MutationObserver(() => {
        if (!dialog.open) return;
        observer.disconnect();
        void load();
      });
      observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    }
  }
}
