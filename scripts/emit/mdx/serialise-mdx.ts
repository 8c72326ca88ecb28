import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { directiveToMarkdown } from 'mdast-util-directive';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import { mdastMermaidToSvg, type DiagramSvgs } from './mdast-mermaid-to-svg.ts';
import { mdastLinkSymbols, type SymbolPages } from './mdast-link-symbols.ts';
import { mdastTrainingDirectives } from './mdast-training-directives.ts';
import { mdastAllowList } from './mdast-allow-list.ts';
import { mdastRawHtmlToJsx } from './mdast-raw-html-to-jsx.ts';
import { mdastRewriteUrls, type UrlResolver } from './mdast-rewrite-urls.ts';
import { cloneTree } from '../../sources/markdown/clone-tree.ts';

export interface SerialiseOptions {
  resolveUrl: UrlResolver;
  diagrams: DiagramSvgs;
  /** Exported API symbols, whose names in code spans become links to their pages. */
  symbols?: SymbolPages;
}

/**
 * Serialises a service-repo Markdown tree as MDX that cannot execute anything: raw HTML becomes
 * sanitised JSX or text, `<` and `{` in text are escaped by the MDX serialiser, URLs are
 * rewritten, and no ESM or expression from the repo survives. The input tree is not modified.
 */
export function serialiseMdx(tree: Root, options: SerialiseOptions): string {
  return serialiseDocument(tree, options).text;
}

/**
 * The serialiser's options, made once: mdast-util-to-markdown compiles each "unsafe" pattern into
 * a regular expression the first time it meets it and keeps it on the pattern object, so options
 * (and extensions) made afresh for every page compiled them all again for every page. (V8 caches
 * the expressions themselves, so that cost little: 550 ADRs serialised in the same time within
 * the noise.)
 */
const TO_MARKDOWN: Parameters<typeof toMarkdown>[1] = {
  extensions: [gfmToMarkdown(), mdxToMarkdown(), directiveToMarkdown()],
  // MDX has no autolinks: `<https://x>` would be read as JSX.
  resourceLink: true,
  bullet: '-',
  emphasis: '_',
  rule: '-',
  fences: true,
  // A line starting with `import` or `export` would be run as ESM by MDX: encode its first
  // letter as a character reference. (mdast-util-mdx does not escape these.)
  unsafe: [
    { character: 'i', atBreak: true, after: 'mport\\b' },
    { character: 'e', atBreak: true, after: 'xport\\b' },
    // Text directly inside a JSX element written on one line (`<td>{id}</td>`) is not in a
    // "phrasing" construct, where mdast-util-mdx escapes these; escape them there too.
    { character: '{', inConstruct: ['mdxJsxTextElement', 'mdxJsxFlowElement'] },
    { character: '<', inConstruct: ['mdxJsxTextElement', 'mdxJsxFlowElement'] },
  ],
};

/** Node types only MDX can render; a page without them (and without raw HTML) is plain Markdown. */
const MDX_ONLY = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html']);

/**
 * Serialises a tree as `serialiseMdx` does, and says whether the page needs MDX (it holds JSX:
 * sanitised HTML, diagrams, training components). A page that does not is written as `.md`:
 * Astro renders Markdown in its content layer, cached between builds, instead of compiling and
 * bundling each page as a JavaScript module (see docs/benchmarks.md). The escapes the MDX
 * serialiser writes (`\{`, `\<`, character references) read the same in Markdown.
 */
export function serialiseDocument(tree: Root, options: SerialiseOptions): { text: string; mdx: boolean } {
  const copy = cloneTree(tree);
  mdastTrainingDirectives()(copy);
  mdastLinkSymbols(options.symbols ?? new Map())(copy);
  mdastRewriteUrls(options.resolveUrl)(copy);
  mdastRawHtmlToJsx(options.resolveUrl)(copy);
  mdastMermaidToSvg(options.diagrams)(copy);
  // Last: whatever the transforms above produced, only allow-listed constructs are written.
  mdastAllowList()(copy);
  let mdx = false;
  visit(copy, (node) => {
    if (MDX_ONLY.has(node.type)) mdx = true;
    return mdx ? EXIT : CONTINUE;
  });
  const text = toMarkdown(copy, TO_MARKDOWN);
  return { text, mdx };
}
