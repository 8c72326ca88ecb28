import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** Elements that must never come from content: they load, frame, post or redirect. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'portal']);
/** Attributes holding a URL that a browser may load or navigate to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlinkHref', 'xlink:href', 'poster', 'data', 'background', 'srcdoc', 'codebase', 'cite']);
const SCRIPT_URL = /^(javascript|vbscript|livescript|data:(?!image\/(png|gif|jpe?g|webp|avif)))/i;

/** The scripts a page carries, as comparable signatures: `src:<url>` or `inline:<text>`. */
export function scriptSignatures(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    if (node.tagName !== 'script') return;
    const src = node.properties?.src;
    found.push(typeof src === 'string' ? `src:${src}` : `inline:${node.children.map((child) => ('value' in child ? child.value : '')).join('')}`);
  });
  return found;
}

/**
 * Everything live in a built page that did not come from the site itself: scripts not in
 * `knownScripts` (signatures from a clean page), `on*` attributes, script/vbscript/data:html URLs
 * in any URL attribute, frames, objects, embeds, forms, `<base>` and meta refresh. Parsed as a
 * browser would (entities decoded, case folded), so `jav&#x61;script:` is caught.
 */
export function liveContent(html: string, knownScripts: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const tree = fromHtml(html);
  for (const script of scriptSignatures(html)) if (!knownScripts.has(script)) problems.push(`unknown script ${script.slice(0, 120)}`);
  visit(tree, (node: Nodes) => {
    if (node.type !== 'element') return;
    if (FORBIDDEN_ELEMENTS.has(node.tagName)) problems.push(`<${node.tagName}>`);
    if (node.tagName === 'meta' && /refresh/i.test(String(node.properties?.httpEquiv ?? ''))) problems.push('<meta http-equiv=refresh>');
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(name)) problems.push(`${name} on <${node.tagName}>`);
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      // Browsers strip ASCII whitespace and controls inside a scheme: `java\tscript:` runs.
      if (URL_ATTRIBUTES.has(name) && SCRIPT_URL.test(text.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${name}="${text.slice(0, 80)}" on <${node.tagName}>`);
    }
  });
  return problems;
}
