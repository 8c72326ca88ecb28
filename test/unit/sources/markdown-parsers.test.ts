// Handover parses Markdown with satteri (native, what Astro 7 renders with) instead of remark-parse +
// remark-gfm (micromark), because it is 40 times faster (ADR 19). That is only safe while both give
// the same mdast, positions included: every source reads headings, sections, links and line numbers
// from the tree. This compares the two over every Markdown file of the real-world corpus, the
// hostile corpus and the demo, and over pathological texts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseTree, parseTreeWithMicromark } from '../../../scripts/sources/markdown/parse-markdown.ts';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES } from '../../helpers/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** The tree as JSON with keys sorted (parsers differ in key order only, which nothing reads). */
function canonical(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(canonical);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.keys(node).filter((key) => (node as Record<string, unknown>)[key] !== undefined).sort().map((key) => [key, canonical((node as Record<string, unknown>)[key])]));
}

/** Both parses of a text, front matter blanked as parseMarkdown does, keys sorted. */
function bothTrees(text: string): { satteri: unknown; micromark: unknown } {
  const body = /^---[ \t]*\n/.test(text) ? blankFrontMatter(text) : text;
  return { satteri: canonical(parseTree(body)), micromark: canonical(parseTreeWithMicromark(body)) };
}

function blankFrontMatter(text: string): string {
  const end = text.indexOf('\n---', 3);
  if (end === -1) return text;
  const close = text.indexOf('\n', end + 4);
  const cut = close === -1 ? text.length : close;
  return text.slice(0, cut).replace(/[^\n]/g, '') + text.slice(cut);
}

describe('satteri and micromark give the same mdast', () => {
  it.skipIf(!HAVE_FIXTURES)(`on every Markdown file of the real-world corpus${HAVE_FIXTURES ? '' : ` (skipped: ${FIXTURES_SKIP_REASON})`}`, async () => {
    const files = await glob('**/*.md', { cwd: FIXTURES });
    expect(files.length).toBeGreaterThan(200);
    const differing = files.filter((file) => {
      const { satteri, micromark } = bothTrees(readFileSync(path.join(FIXTURES, file), 'utf8').replace(/\r\n?/g, '\n'));
      return JSON.stringify(satteri) !== JSON.stringify(micromark);
    });
    expect(differing).toEqual([]);
  });

  it('on the hostile corpus and the demo service', async () => {
    const files = await glob(['test/fixtures/hostile/**/*.md', 'examples/**/*.md'], { cwd: ROOT });
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // Training modules are parsed with remark-directive (micromark) on top; their `:::` blocks differ.
      if (file.includes('/training/')) continue;
      const { satteri, micromark } = bothTrees(text);
      expect(satteri, file).toEqual(micromark);
    }
  });

  it.each([
    ['Unicode and emoji (positions count UTF-16 units)', '# Ünïcödé 😀\n\nSome 😀😀 text [link](https://x) and `code` — dash\n\n| ä | 😀 |\n|---|---|\n| ö | ü |\n'],
    ['raw HTML, comments, braces and JSX-like tags', '<div>\n<script>alert(1)</script>\n</div>\n\n<!-- c --> text <br/> {x} <Foo bar={1}/>\n\n<details><summary>S</summary>\n\nbody\n</details>'],
    ['GFM autolinks, tables, footnotes, tasks, strikethrough', 'see https://example.com/a_(b)_c. and user@example.com and www.x.com/p?q=1&r=2\n\n| a | b |\n|:-|-:|\n| 1 \\| x | `|` |\n\nx[^a] y[^missing]\n\n[^a]: one\n\n* [ ] a\n* [x] b\n\n~~a~~ ~b~'],
    ['NUL characters', 'a\u0000b\n\n# h\u0000'],
    ['CRLF and lone CR line endings', '# T\r\n\r\npara\r\nline\r\r| a |\r\n|---|\r\n| b |\r\n'],
    ['references, entities and escapes', '[a][b] [c]\n\n[b]: https://b "t"\n[c]: <https://c>\n\n&amp; &copy; &#x1F600; &nope; \\* \\<'],
    ['120 nested quotes', `${'>'.repeat(120)} x`],
    ['thousands of emphasis markers', `${'*'.repeat(3000)}x${'*'.repeat(3000)}`],
  ])('on %s', (_name, text) => {
    const { satteri, micromark } = bothTrees(text);
    expect(satteri).toEqual(micromark);
  });

  it('parses nesting deeper than satteri recurses (prefixes bounded first) and reports it', () => {
    const deep = Array.from({ length: 3000 }, (_, index) => `${'  '.repeat(Math.min(index, 60))}- x`).join('\n');
    const { tree, diagnostics } = parseMarkdown(deep, 'deep.md');
    expect(tree.type).toBe('root');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('markdown/too-deeply-nested');
  });
});
