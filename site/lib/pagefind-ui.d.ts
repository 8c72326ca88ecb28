// Pagefind's UI module has no type declarations; it is used only through lazy-pagefind-ui.ts.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
