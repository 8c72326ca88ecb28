import type { ElementContent } from 'hast';
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { isInlineFragment, parseSafeHtml, toFlowNodes, toTextNodes } from './html-to-jsx.ts';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { UrlResolver } from './mdast-rewrite-urls.ts';

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Raw HTML from a service repo never reaches MDX as written. Allowed elements (GitHub's
 * allow-list: `<details>`, `<kbd>`, `<br>`, `<img>`...) are sanitised and rebuilt as JSX, also
 * when Markdown splits them across nodes (`<details>` ... Markdown ... `</details>`); comments
 * are dropped; anything else (`<placeholder>`, `<script>` left unclosed) is kept as visible text.
 */
export function mdastRawHtmlToJsx(resolveUrl: UrlResolver) {
  return (tree: Root): void => {
    transformChildren(tree, resolveUrl);
  };
}

function transformChildren(parent: Parent, resolveUrl: UrlResolver): void {
  const inline = PHRASING_PARENTS.has(parent.type);
  const children = parent.children as RootContent[];
  const result: RootContent[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index]!;
    if (node.type !== 'html') {
      if ('children' in node) transformChildren(node as Parent, resolveUrl);
      result.push(node);
      continue;
    }
    const line = node.position?.start.line ?? null;
    const value = node.value.replace(/<!--[\s\S]*?(-->|$)/g, '').trim();
    if (!value) continue;
    const tag = unclosedOpeningTag(value);
    const closeIndex = tag ? findClosing(children, index, tag) : -1;
    if (tag && closeIndex !== -1) {
      const inner = { type: parent.type, children: children.slice(index + 1, closeIndex) } as Parent;
      transformChildren(inner, resolveUrl);
      result.push(...wrap(value, tag, inner.children as RootContent[], inline, resolveUrl, line));
      index = closeIndex;
      continue;
    }
    if (isBalanced(value)) {
      const fragment = parseSafeHtml(value);
      if (!inline) {
        result.push(...toFlowNodes(fragment.children as ElementContent[], resolveUrl, line));
        continue;
      }
      if (isInlineFragment(fragment)) {
        result.push(...(toTextNodes(fragment.children as ElementContent[], resolveUrl, line) as RootContent[]));
        continue;
      }
    }
    const text = { type: 'text' as const, value };
    result.push(inline ? text : { type: 'paragraph', children: [text] });
  }
  parent.children = result as Parent['children'];
}

/** Rebuilds `<tag ...>` + inner Markdown + `</tag>` as one sanitised element (or the inner alone). */
function wrap(open: string, tag: string, inner: RootContent[], inline: boolean, resolveUrl: UrlResolver, line: number | null): RootContent[] {
  const element = parseSafeHtml(`${open}</${tag}>`).children.find((child) => child.type === 'element' && child.tagName === tag);
  if (!element || element.type !== 'element') return inner; // not allowed: keep what it wrapped
  if (inline) {
    const [built] = toTextNodes([{ ...element, children: [] }], resolveUrl, line);
    if (built?.type !== 'mdxJsxTextElement') return inner;
    built.children = [...toTextNodes(element.children, resolveUrl, line), ...(inner as PhrasingContent[])];
    return [built as RootContent];
  }
  const [built] = toFlowNodes([{ ...element, children: [] }], resolveUrl, line);
  if (!built || (built.type !== 'mdxJsxFlowElement' && (built as { type: string }).type !== 'mdxJsxTextElement')) return inner;
  // The element's own first line (`<details><summary>x</summary>`) comes before the Markdown it wraps.
  const head = toFlowNodes(element.children, resolveUrl, line, true);
  const block = { type: 'mdxJsxFlowElement', name: (built as { name: string }).name, attributes: (built as { attributes: MdxJsxFlowElement['attributes'] }).attributes, children: [...head, ...inner] } as MdxJsxFlowElement;
  return [block];
}

interface TagToken {
  name: string;
  closing: boolean;
}

function tagTokens(html: string): TagToken[] {
  return [...html.matchAll(/<(\/?)([a-z][a-z0-9-]*)\b[^>]*?(\/?)>/gi)]
    .filter((match) => !VOID.has(match[2]!.toLowerCase()) && match[3] !== '/')
    .map((match) => ({ name: match[2]!.toLowerCase(), closing: match[1] === '/' }));
}

/** True when every tag opened in the HTML is closed in it, in order. */
function isBalanced(html: string): boolean {
  const stack: string[] = [];
  for (const token of tagTokens(html)) {
    if (!token.closing) stack.push(token.name);
    else if (stack.pop() !== token.name) return false;
  }
  return stack.length === 0 && /^</.test(html);
}

/** The tag name when the HTML opens one element and leaves only it open (`<details><summary>x</summary>`). */
function unclosedOpeningTag(html: string): string | null {
  const tokens = tagTokens(html);
  const first = tokens[0];
  if (!first || first.closing || !html.toLowerCase().startsWith(`<${first.name}`)) return null;
  const stack: string[] = [];
  for (const token of tokens) {
    if (!token.closing) stack.push(token.name);
    else if (stack.pop() !== token.name) return null;
  }
  return stack.length === 1 ? first.name : null;
}

/** Index of the sibling `</tag>` that closes an element opened at `from`, or -1. */
function findClosing(children: RootContent[], from: number, tag: string): number {
  let depth = 0;
  for (let index = from + 1; index < children.length; index += 1) {
    const node = children[index]!;
    if (node.type !== 'html') continue;
    const value = node.value.replace(/<!--[\s\S]*?(-->|$)/g, '').trim().toLowerCase();
    if (value === `</${tag}>`) {
      if (depth === 0) return index;
      depth -= 1;
    } else if (unclosedOpeningTag(value) === tag) {
      depth += 1;
    }
  }
  return -1;
}
