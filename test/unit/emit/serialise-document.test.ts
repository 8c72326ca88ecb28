import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { serialiseDocument } from '../../../scripts/emit/mdx/serialise-mdx.ts';
import { createUrlResolver } from '../../../scripts/emit/resolve-url.ts';
import { parseMarkdown } from '../../../scripts/sources/markdown/parse-markdown.ts';

const resolveUrl = createUrlResolver({ fromPath: 'docs/adr/0001-x.md', pages: new Map(), base: '/', repoUrl: null, branch: 'main' }, []);
const serialise = (markdown: string, diagrams = new Map<string, string>()) => serialiseDocument(parseMarkdown(markdown, 'docs/adr/0001-x.md').tree, { resolveUrl, diagrams });

/** Node types a plain Markdown renderer would pass through as raw HTML. */
function rawHtml(markdown: string): string[] {
  const found: string[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown), (node: Nodes) => {
    if (node.type === 'html') found.push(node.value);
  });
  return found;
}

const HOSTILE = [
  '# Title\n\nText with {braces}, <angle> brackets, a <b>tag</b>, 3 < 4 and an <!-- comment -->.',
  'import x from "y"\nexport const a = 1\n\n{process.exit()}',
  '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
  '[link](javascript:alert(1)) <https://example.org> ![i](data:text/html,x)',
  '| a | b |\n| - | - |\n| <i>1</i> | {2} |',
];

describe('serialiseDocument: .md when a page needs no MDX', () => {
  it('writes plain Markdown as .md, and pages with JSX (sanitised HTML, diagrams) as .mdx', () => {
    expect(serialise('# Decision\n\nWe use **PostgreSQL** `{sessions}` < 5 ms.\n\n```ts\nconst a = {};\n```').mdx).toBe(false);
    expect(serialise('Press <kbd>Ctrl</kbd>.').mdx).toBe(true);
    expect(serialise('```mermaid\ngraph TD; A-->B\n```', new Map([['graph TD; A-->B', '<svg></svg>']])).mdx).toBe(true);
  });

  it.each(HOSTILE)('never leaves raw HTML for a Markdown renderer in a .md page: %s', (markdown) => {
    const { text, mdx } = serialise(markdown);
    if (!mdx) expect(rawHtml(text)).toEqual([]);
  });

  it('escapes text so Markdown shows what the author wrote', () => {
    const { text, mdx } = serialise('Use {id} and <id> and 2 < 3.');
    expect(mdx).toBe(false);
    const rendered: string[] = [];
    visit(unified().use(remarkParse).parse(text), (node: Nodes) => {
      if (node.type === 'text') rendered.push(node.value);
    });
    expect(rendered.join('')).toBe('Use {id} and <id> and 2 < 3.');
  });
});
