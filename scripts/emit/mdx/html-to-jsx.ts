import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { find, html as htmlSchema } from 'property-information';
import type { UrlResolver } from './mdast-rewrite-urls.ts';

/**
 * GitHub's allow-list (hast-util-sanitize's default schema) minus what makes no sense on a
 * handover page: headings (the page outline comes from Markdown headings) and form inputs.
 */
const SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !/^(h[1-6]|input)$/.test(name)),
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math'],
};

/** Elements whose content is phrasing (inline) in HTML, so they may sit inside a paragraph. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr']);

/** Parses an HTML fragment and sanitises it against the allow-list. */
export function parseSafeHtml(html: string): HastRoot {
  return limitDepth(sanitize(fromHtml(html, { fragment: true }), SCHEMA) as HastRoot);
}

/** Deepest element nesting kept from raw HTML (as for Markdown, see limit-nesting.ts). */
const MAX_HTML_DEPTH = 24;

/** Replaces elements nested deeper than MAX_HTML_DEPTH with their text, without recursion. */
function limitDepth(root: HastRoot): HastRoot {
  const stack: { node: HastRoot | Element; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    node.children = node.children.map((child) => {
      if (child.type !== 'element') return child;
      if (depth + 1 < MAX_HTML_DEPTH) {
        stack.push({ node: child, depth: depth + 1 });
        return child;
      }
      return { type: 'text', value: textOf(child) };
    }) as typeof node.children;
  }
  return root;
}

/** The text of an element's subtree, without recursion. */
function textOf(element: Element): string {
  let text = '';
  const stack: ElementContent[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  }
  return text;
}

/** True when a sanitised fragment is only inline content (it can stay inside a paragraph). */
export function isInlineFragment(root: HastRoot): boolean {
  return root.children.every((child) => child.type === 'text' || (child.type === 'element' && INLINE.has(child.tagName)));
}

/** Converts sanitised inline HTML to MDX JSX text nodes, resolving `href`/`src` URLs. */
export function toTextNodes(nodes: readonly ElementContent[], resolveUrl: UrlResolver, line: number | null): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text') return node.value ? [{ type: 'text', value: node.value }] : [];
    if (node.type !== 'element') return [];
    const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: node.tagName, attributes: attributes(node, resolveUrl, line), children: toTextNodes(node.children, resolveUrl, line) };
    return [element];
  });
}

/**
 * Converts sanitised HTML to MDX JSX flow nodes; runs of inline content become paragraphs.
 * `insideJsx`: the nodes will be children of a JSX element (not of the Markdown document).
 */
export function toFlowNodes(nodes: readonly ElementContent[], resolveUrl: UrlResolver, line: number | null, insideJsx = false): RootContent[] {
  const flow: RootContent[] = [];
  let inline: ElementContent[] = [];
  const flush = () => {
    const children = toTextNodes(inline, resolveUrl, line);
    if (children.some((child) => child.type !== 'text' || child.value.trim())) flow.push({ type: 'paragraph', children: trimEnds(children) });
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && !INLINE.has(node.tagName)) {
      flush();
      flow.push(blockElement(node, resolveUrl, line, insideJsx));
    } else if (node.type === 'text' || node.type === 'element') {
      inline.push(node);
    }
  }
  flush();
  return flow;
}

/**
 * A block element. Inside another JSX element, one whose content is all inline (`<summary>`,
 * `<td>`) is written on one line, which MDX reads as a block with inline content; the MDX
 * serialiser would otherwise put the content on lines of its own, and MDX would wrap it in a
 * paragraph. (At the top of the document a one-line element would turn the whole document into
 * inline content, so there a paragraph inside, e.g. `<div><p><img></p></div>`, is accepted.)
 */
function blockElement(element: Element, resolveUrl: UrlResolver, line: number | null, insideJsx: boolean): RootContent {
  const allInline = element.children.every((child) => child.type !== 'element' || INLINE.has(child.tagName));
  if (allInline && insideJsx) {
    const oneLine: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: element.tagName, attributes: attributes(element, resolveUrl, line), children: trimEnds(toTextNodes(element.children, resolveUrl, line)) };
    return oneLine as unknown as RootContent;
  }
  const block: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: element.tagName, attributes: attributes(element, resolveUrl, line), children: toFlowNodes(element.children, resolveUrl, line, true) as MdxJsxFlowElement['children'] };
  return block;
}

function trimEnds(children: PhrasingContent[]): PhrasingContent[] {
  const copy = [...children];
  const first = copy[0];
  if (first?.type === 'text') copy[0] = { ...first, value: first.value.replace(/^\s+/, '') };
  const last = copy.at(-1);
  if (last?.type === 'text') copy[copy.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return copy.filter((child) => child.type !== 'text' || child.value !== '');
}

/** HTML attributes of a sanitised element as JSX string attributes, URLs rewritten. */
function attributes(element: Element, resolveUrl: UrlResolver, line: number | null): MdxJsxAttribute[] {
  const result: MdxJsxAttribute[] = [];
  for (const [property, value] of Object.entries(element.properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(htmlSchema, property);
    const name = info.attribute;
    let text = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : value === true ? '' : String(value);
    if (name === 'href' || name === 'src') {
      const resolved = resolveUrl(text, name === 'src' ? 'image' : 'link', line);
      if (resolved === null) continue;
      text = resolved;
    }
    result.push({ type: 'mdxJsxAttribute', name, value: text });
  }
  return result;
}
