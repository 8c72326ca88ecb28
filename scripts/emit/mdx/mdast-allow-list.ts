import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { defaultSchema } from 'hast-util-sanitize';

/** GitHub's allow-list plus the elements Handover itself writes (diagrams, training blocks). */
const ELEMENTS = new Set([...(defaultSchema.tagNames ?? []), 'figure', 'aside', 'label', 'input', 'Fragment']);
/** Attributes that hold a URL a browser loads or follows. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'action', 'formaction', 'poster', 'xlink:href', 'srcset']);
/** A URL is safe when it has no scheme, or one of these (control characters ignored, as browsers do). */
const SAFE_URL = /^(https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])/i;

/**
 * The last pass before MDX is written: an allow-list over the whole tree, whatever earlier
 * transforms did. ESM, expressions and raw HTML become text; JSX elements off the list are
 * unwrapped (their content stays); attributes must be plain strings, not `on*`, and URLs safe;
 * links and images with unsafe URLs lose the URL. Handover's own diagram `<Fragment set:html>`
 * passes only with a string literal (its SVG was sanitised by sanitiseSvg).
 */
export function mdastAllowList() {
  return (tree: Root): void => {
    const stack: Parent[] = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      const children: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        const kept = allow(child as Nodes);
        for (const node of kept) if ('children' in node) stack.push(node as Parent);
        children.push(...(kept as RootContent[]));
      }
      parent.children = children as Parent['children'];
    }
  };
}

function allow(node: Nodes): Nodes[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'html':
      return [{ type: 'text', value: node.value }];
    case 'link':
    case 'definition':
    case 'image':
      if (isSafeUrl(node.url)) return [node];
      return node.type === 'link' ? node.children : [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (!ELEMENTS.has(node.name ?? '')) return node.children as Nodes[];
      node.attributes = node.attributes.filter((attribute) => allowAttribute(node, attribute));
      return [node];
    default:
      return [node];
  }
}

function allowAttribute(element: MdxJsxFlowElement | MdxJsxTextElement, attribute: MdxJsxFlowElement['attributes'][number]): boolean {
  if (attribute.type !== 'mdxJsxAttribute') return false;
  if (element.name === 'Fragment') return attribute.name === 'set:html' && typeof attribute.value === 'object' && attribute.value !== null && /^"(?:[^"\\]|\\.)*"$/.test(attribute.value.value);
  if (typeof attribute.value === 'object' && attribute.value !== null) return false;
  if (/^on/i.test(attribute.name) || /[:{}]/.test(attribute.name.replace(/^xlink:href$/, ''))) return false;
  if (element.name === 'input' && attribute.name === 'type') return attribute.value === 'checkbox';
  return !URL_ATTRIBUTES.has(attribute.name) || typeof attribute.value !== 'string' || isSafeUrl(attribute.value);
}

function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.replace(/[\u0000-\u0020]/g, ''));
}
