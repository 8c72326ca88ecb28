import type { Root } from 'mdast';
import { hashParts } from '../cache/keyed-cache.ts';
import { treeIdentity } from '../sources/tree-identity.ts';
import { collectMermaidSources, type DiagramSvgs } from './mdx/mdast-mermaid-to-svg.ts';
import { symbolsNamed, type SymbolPages } from './mdx/mdast-link-symbols.ts';
import { serialiseDocument } from './mdx/serialise-mdx.ts';
import { createUrlResolver, type DroppedUrl } from './resolve-url.ts';

/** A page body to serialise: the repo path it comes from (links resolve against it) and its tree. */
export interface BodyDocument {
  path: string;
  tree: Root;
}

/** A document's serialised body, and the links serialising it dropped (for diagnostics). */
export interface CachedBody {
  text: string;
  mdx: boolean;
  dropped: DroppedUrl[];
}

/** The site a body is serialised for: what its links and code spans resolve against. */
export interface BodySite {
  /** Site path of each repo file that is a page. */
  pages: ReadonlyMap<string, string>;
  /** Repo paths of documents left out of a `--public` build. */
  hiddenPaths?: ReadonlySet<string>;
  base: string;
  repoUrl: string | null;
  branch: string;
  /** Exported API symbols by name: code spans naming one link to its page. */
  symbols: SymbolPages;
}

/**
 * Serialises page bodies for one site and names the cache entry of each. A body depends on its
 * tree, its path, the diagrams it shows, the symbols it names and the site's pages, base,
 * repository URL and hidden documents: all of that is in its key, so a cached body is reused
 * exactly when serialising again would give the same text.
 */
export class BodySerialiser {
  readonly #site: BodySite;
  /** The part of every key that the site gives. */
  readonly #siteKey: string;

  constructor(site: BodySite) {
    this.#site = site;
    this.#siteKey = hashParts([JSON.stringify([...site.pages]), JSON.stringify([...(site.hiddenPaths ?? [])].sort()), site.base, site.repoUrl ?? '', site.branch]);
  }

  /** The cache key of a document's body, given its diagrams' SVGs. */
  key(document: BodyDocument, diagrams: DiagramSvgs): string {
    const svgs = collectMermaidSources(document.tree).map((source) => diagrams.get(source) ?? '');
    const tree = treeIdentity(document.tree) ?? JSON.stringify(document.tree);
    return hashParts([this.#siteKey, document.path, tree, JSON.stringify(symbolsNamed(document.tree, this.#site.symbols)), ...svgs]);
  }

  /**
   * Serialises a document; `publishImage` decides what a link to a repo image becomes. Says
   * whether the body shows a published image (such a body depends on the image file too).
   */
  serialise(document: BodyDocument, diagrams: DiagramSvgs, publishImage: (repoPath: string) => string | null): CachedBody & { publishedImage: boolean } {
    const dropped: DroppedUrl[] = [];
    let publishedImage = false;
    const site = this.#site;
    const resolveUrl = createUrlResolver({ fromPath: document.path, pages: site.pages, hidden: site.hiddenPaths, base: site.base, repoUrl: site.repoUrl, branch: site.branch, publishImage: (repoPath) => ((publishedImage = true), publishImage(repoPath)) }, dropped);
    return { ...serialiseDocument(document.tree, { resolveUrl, diagrams, symbols: site.symbols }), dropped, publishedImage };
  }
}
