import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { find, svg as svgSchema } from 'property-information';

/** The SVG elements Mermaid draws with; anything else (script, foreignObject, iframe...) is dropped. */
const ELEMENTS = new Set(['svg', 'g', 'a', 'defs', 'symbol', 'use', 'title', 'desc', 'style', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'marker', 'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'filter', 'feDropShadow', 'feGaussianBlur', 'feOffset', 'feFlood', 'feComposite', 'feBlend', 'feMerge', 'feMergeNode', 'feColorMatrix']);

/** Geometry and presentation attributes, plus `data-*` and `aria-*`; no event handler is on it. */
const ATTRIBUTES = new Set(['id', 'class', 'style', 'role', 'xmlns', 'xmlns:xlink', 'version', 'viewBox', 'preserveAspectRatio', 'width', 'height', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'dx', 'dy', 'points', 'transform', 'pathLength', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow', 'font-family', 'font-size', 'font-style', 'font-weight', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'letter-spacing', 'text-decoration', 'textLength', 'lengthAdjust', 'vector-effect', 'shape-rendering', 'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'refX', 'refY', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternContentUnits', 'clip-path', 'clipPathUnits', 'mask', 'filter', 'filterUnits', 'flood-color', 'flood-opacity', 'stdDeviation', 'in', 'in2', 'result', 'mode', 'operator', 'values', 'type', 'href', 'xlink:href', 'title', 'name', 'clip-rule']);

/** CSS that can load or run something: `@import`, `expression()`, script URLs, `url()` off the page. */
const UNSAFE_CSS = /@import|expression\s*\(|javascript:|vbscript:|url\(\s*['"]?\s*(?!#)/i;

/**
 * Keeps only allow-listed SVG from a rendered diagram, as defence in depth behind Mermaid's
 * `securityLevel: 'strict'`: a diagram is inserted as raw HTML (`set:html`), so nothing else
 * checks it. Drops elements off the list with their content, `on*` and other attributes off
 * the list, links other than `#fragment`, and CSS that loads or runs anything; re-serialises
 * with every text and attribute escaped, so no markup can break out of the `<svg>`.
 */
export function sanitiseSvg(svg: string): string {
  const root: Root = fromHtml(svg, { fragment: true });
  return root.children.map((child) => (child.type === 'element' && child.tagName === 'svg' ? serialise(child) : '')).join('');
}

function serialise(node: ElementContent): string {
  if (node.type === 'text') return escapeText(node.value);
  if (node.type !== 'element' || !ELEMENTS.has(node.tagName)) return '';
  const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  if (node.tagName === 'style' && UNSAFE_CSS.test(text)) return '';
  return `<${node.tagName}${attributes(node)}>${node.children.map(serialise).join('')}</${node.tagName}>`;
}

function attributes(element: Element): string {
  let result = '';
  for (const [property, value] of Object.entries(element.properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(svgSchema, property);
    // `dataType` is RDFa's `datatype` to property-information; here it was always `data-type`.
    const name = /^data[A-Z]/.test(property) ? `data-${property.slice(4).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^-/, '')}` : info.attribute;
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ',' : ' ') : value === true ? '' : String(value);
    const allowed = ATTRIBUTES.has(name) || /^(data|aria)-[a-z0-9-]+$/.test(name);
    if (!allowed || /^on/i.test(name)) continue;
    if ((name === 'href' || name === 'xlink:href') && !text.startsWith('#')) continue;
    if (name === 'style' && UNSAFE_CSS.test(text)) continue;
    result += ` ${name}="${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  }
  return result;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
