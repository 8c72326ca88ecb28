import type { Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

/** Decides where a URL written in a service-repo document should point on the site. */
export type UrlResolver = (url: string, kind: 'link' | 'image', line: number | null) => string | null;

/**
 * Rewrites link and image URLs through a resolver. A link the resolver refuses (a dangerous
 * scheme, a file outside the repo) keeps its text and loses the link; a refused image becomes
 * its alt text.
 */
export function mdastRewriteUrls(resolve: UrlResolver) {
  return (tree: Root): void => {
    visit(tree, (node: Nodes, index: number | undefined, parent: Parent | undefined) => {
      if (node.type === 'link' || node.type === 'definition') {
        const url = resolve(node.url, 'link', node.position?.start.line ?? null);
        if (url !== null) {
          node.url = url;
          return;
        }
        if (!parent || index === undefined) return;
        parent.children.splice(index, 1, ...(node.type === 'link' ? node.children : []));
        return [SKIP, index];
      }
      if (node.type === 'image') {
        const url = resolve(node.url, 'image', node.position?.start.line ?? null);
        if (url !== null) {
          node.url = url;
          return;
        }
        if (!parent || index === undefined) return;
        const alt = node.alt || toString(node);
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: `[image: ${alt}]` }] : []));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
