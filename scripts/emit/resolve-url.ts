import path from 'node:path';
import { safeDecode } from '../sources/shared/safe-decode.ts';
import { unwrapShortcodeLink } from '../sources/markdown/shortcode-link.ts';
import type { UrlResolver } from './mdx/mdast-rewrite-urls.ts';

/** What the resolver needs to know to point a repo document's URLs at the site or the repo. */
export interface UrlContext {
  /** Repo-relative path of the document whose URLs are resolved. */
  fromPath: string;
  /** Site path (relative to the base, e.g. `adr/0001-x/`) of every repo file that became a page. */
  pages: ReadonlyMap<string, string>;
  /** Repo paths of documents left out of a `--public` build: a link to one keeps only its text. */
  hidden?: ReadonlySet<string>;
  /** Site base path, with leading and trailing slash. */
  base: string;
  repoUrl: string | null;
  branch: string;
  /**
   * Publishes a repo image with the site and returns its site path (relative to the base), or
   * null when it cannot be (missing, too large, not an image).
   */
  publishImage?: (repoPath: string) => string | null;
}

/** A URL that was not kept, so emit can report it. */
export interface DroppedUrl {
  url: string;
  line: number | null;
  reason: 'unsafe-scheme' | 'outside-repo' | 'no-target' | 'internal';
}

const SAFE_SCHEMES = /^(https?|mailto|tel):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Creates the resolver that points links at site pages where the target became one, else at the
 * repository's web URL, and drops `javascript:`/`data:` URLs and paths that leave the repo.
 */
export function createUrlResolver(context: UrlContext, dropped: DroppedUrl[]): UrlResolver {
  return (url, kind, line) => {
    const trimmed = unwrapShortcodeLink(url).trim();
    if (trimmed === '' || trimmed.startsWith('#')) return trimmed;
    if (trimmed.startsWith('//')) return `https:${trimmed}`;
    // `site:api/x/#y`: a page of this site, written by Handover itself (API links).
    if (trimmed.startsWith('site:')) return `${context.base}${trimmed.slice(5).replace(/^\//, '')}`;
    if (ANY_SCHEME.test(trimmed)) {
      if (SAFE_SCHEMES.test(trimmed)) return trimmed;
      dropped.push({ url: trimmed, line, reason: 'unsafe-scheme' });
      return null;
    }
    const [pathPart = '', hash = ''] = trimmed.split(/(?=#)/);
    const cleanPath = safeDecode(pathPart.split('?')[0]!);
    const target = cleanPath.startsWith('/')
      ? path.posix.normalize(cleanPath.slice(1))
      : path.posix.normalize(path.posix.join(path.posix.dirname(context.fromPath), cleanPath));
    if (target === '..' || target.startsWith('../')) {
      dropped.push({ url: trimmed, line, reason: 'outside-repo' });
      return null;
    }
    if (context.hidden?.has(target)) {
      dropped.push({ url: trimmed, line, reason: 'internal' });
      return null;
    }
    const page = kind === 'link' ? context.pages.get(target) : undefined;
    if (page !== undefined) return `${context.base}${page}${hash}`;
    const asset = kind === 'image' ? context.publishImage?.(target) : null;
    if (asset) return `${context.base}${asset}`;
    if (context.repoUrl) {
      const mode = kind === 'image' ? 'raw' : 'blob';
      return `${context.repoUrl}/${mode}/${encodeURI(context.branch)}/${target.split('/').map(encodeURIComponent).join('/')}${hash}`;
    }
    dropped.push({ url: trimmed, line, reason: 'no-target' });
    return null;
  };
}

