import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';

/**
 * Deepest nesting of Markdown nodes kept as written (a list level is two: list and item). Real
 * documents stay far below it; 500 nested lists or quotes made the site build crash (a native
 * stack overflow compiling the page), so deeper content is flattened.
 */
export const MAX_NESTING = 40;

/** Widest line prefix (indentation and `>` markers) kept: deeper prefixes cost the parser superlinear time. */
const MAX_PREFIX = 120;
const LONG_PREFIX = new RegExp(`^[ \\t>]{${MAX_PREFIX + 1},}`, 'gm');

/**
 * Caps each line's leading indentation and quote markers before parsing: a 500-level nested list
 * took the Markdown parser 12 s, and time grows faster than the file. Lines keep their place, so
 * line numbers stay right; only absurdly deep prefixes change.
 */
export function boundPrefixes(markdown: string): string {
  return markdown.replace(LONG_PREFIX, (prefix) => prefix.slice(0, MAX_PREFIX));
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Replaces every node nested deeper than MAX_NESTING with its text (a paragraph, or text inside
 * a paragraph), so the page keeps the words without the depth. Iterative: the depth that needs
 * limiting is also too deep to recurse on safely. Returns a diagnostic when anything was flattened.
 */
export function limitNesting(tree: Root, file: string): Diagnostic[] {
  let firstLine: number | null | undefined;
  const stack: { node: Parent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const children = node.children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (!('children' in child)) continue;
      if (depth + 1 < MAX_NESTING) {
        stack.push({ node: child as Parent, depth: depth + 1 });
        continue;
      }
      firstLine ??= child.position?.start.line ?? null;
      const text: PhrasingContent = { type: 'text', value: textOf(child) };
      children[index] = (PHRASING_PARENTS.has(node.type) ? text : { type: 'paragraph', children: [text] }) as RootContent;
    }
  }
  if (firstLine === undefined) return [];
  return [createDiagnostic({ file, line: firstLine }, {
    severity: 'warning',
    code: 'markdown/too-deeply-nested',
    message: `Lists, quotes or other blocks are nested more than ${MAX_NESTING} levels deep here; the deeper levels are shown as plain text.`,
    hint: 'Nest less deeply: split the list, or use headings for structure.',
  })];
}

/** The text of a subtree, blocks separated by spaces, without recursion. */
function textOf(root: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string' && node.type !== 'html') parts.push(node.value);
    else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as Nodes);
    if (!('children' in node) && parts.length > 0 && parts.at(-1) !== ' ') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
