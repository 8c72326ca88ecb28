import type { Root } from 'mdast';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { HandoverModel } from '../model/build-model.ts';
import type { Adr } from '../model/schemas/adr.ts';
import type { ReadinessReport } from '../model/schemas/readiness.ts';
import type { AdrSummary, SiteSettings } from '../model/schemas/site-settings.ts';
import { adrGraph, type AdrGraph } from './adr-graph.ts';
import { apiModuleMarkdown } from './api-page.ts';
import { parseMarkdown } from '../sources/markdown/parse-markdown.ts';
import { ImageAssets } from './image-assets.ts';
import { collectMermaidSources, type DiagramSvgs } from './mdx/mdast-mermaid-to-svg.ts';
import { MermaidRenderer } from './mermaid/render-mermaid.ts';
import type { DroppedUrl } from './resolve-url.ts';
import { BodySerialiser, type BodyDocument, type CachedBody } from './body-serialiser.ts';
import { codeHash, hashParts, KeyedCache } from '../cache/keyed-cache.ts';
import { pageIndex, sourceUrl } from './site-paths.ts';
import { frontMatterBlock } from './front-matter.ts';
import { commitUrl, releasesPageTree } from './releases-page.ts';

export type { CachedBody } from './body-serialiser.ts';

export interface EmitOptions {
  /** Absolute path of the service repo, for images documents show. */
  repoRoot: string;
  /** Site base path, e.g. `/` or `/handover/`. */
  base: string;
  /** The site's settings (`siteSettings`), written as `site.json`: the build hands the same object to Astro. */
  settings: SiteSettings;
  /** ISO date the build counts as today (shown with review states). */
  today: string;
  /** The readiness check's report, for the Readiness page. */
  readiness: ReadinessReport;
  /** Repo paths of documents left out of a `--public` build: links to them become plain text. */
  hiddenPaths?: ReadonlySet<string>;
  /** Write every page as `.mdx`, even those that need no MDX (`handover dev`; see generate-content). */
  allMdx?: boolean;
  /** Renders the diagrams (a build's, already prefetching); default: one opened and closed here, without a cache. */
  mermaid?: MermaidRenderer;
  /** Serialised pages of earlier builds (see `openSerialiseCache`); default: none. */
  serialised?: KeyedCache<CachedBody>;
  /** Bodies serialised ahead of this emit (`preSerialise`), by their `BodySerialiser` key. */
  preSerialised?: ReadonlyMap<string, CachedBody>;
  /** Parses the Markdown of a generated page (API pages) through the build's parse cache; default: parsed afresh. */
  parseGeneratedPage?: (markdown: string, file: string) => Root;
}

/**
 * Serialised document bodies of earlier builds, in the work dir, by the key `BodySerialiser`
 * gives them: a rebuild and each save in `handover dev` serialise only the documents that changed.
 */
export function openSerialiseCache(cacheDir: string | null): Promise<KeyedCache<CachedBody>> {
  return KeyedCache.open<CachedBody>(cacheDir, 'handover-serialise-cache.json', hashParts(['2', codeHash(['emit', 'model/schemas'])]));
}

export interface EmitResult {
  /** Generated files by path relative to the content folder, for `writeContent`. */
  files: Map<string, string>;
  /** Images to publish: path in the content folder (and site) -> absolute source path. */
  assets: Map<string, string>;
  /** The repo file each page shows (path in the content folder -> repo path), for the secrets scan. */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Number of pages written. */
  pages: number;
  diagrams: { rendered: number; failed: number; unavailable: string | null; chromium: string | null };
  /**
   * Serialises a new version of one document against this emit's model (its pages, symbols and
   * diagrams), for `handover dev` to show an edit before the whole site is regenerated. Null when
   * that is not possible: a diagram not rendered yet, or an image to publish.
   */
  serialiseAgain: (document: { path: string; tree: Adr['body'] }) => { text: string; mdx: boolean } | null;
}

/** Turns the model into MDX pages and JSON data for the Astro site (rendering diagrams on the way). */
export async function emitContent(model: HandoverModel, options: EmitOptions): Promise<EmitResult> {
  const pages = pageIndex(model);
  const documents = pageDocuments(model);
  const drawn = adrGraph(model.adrs);
  const mermaid = options.mermaid ?? (await MermaidRenderer.open(null));
  try {
    return await emitWithDiagrams(model, options, { documents, graph: drawn, pages, mermaid });
  } finally {
    if (!options.mermaid) await mermaid.close();
  }
}

/** The documents whose bodies become pages: the README, ADRs, runbooks, debt items and training modules. */
export function pageDocuments(model: HandoverModel): BodyDocument[] {
  const { service } = model;
  return [
    ...(service.readme && service.readmePath ? [{ path: service.readmePath, tree: service.readme }] : []),
    ...model.adrs.map((adr) => ({ path: adr.source.path, tree: adr.body })),
    ...model.runbooks.map((runbook) => ({ path: runbook.source.path, tree: runbook.body })),
    ...model.debt.flatMap((item) => (item.body ? [{ path: item.source.path, tree: item.body }] : [])),
    ...model.training.map((module) => ({ path: module.source?.path ?? `docs/training/${module.id}.md`, tree: module.body })),
  ];
}

async function emitWithDiagrams(
  model: HandoverModel,
  options: EmitOptions,
  { documents, graph: drawn, pages, mermaid }: { documents: BodyDocument[]; graph: AdrGraph | null; pages: ReturnType<typeof pageIndex>; mermaid: MermaidRenderer },
): Promise<EmitResult> {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const { service } = model;
  const graph = drawn?.source ?? null;
  // The ADR graph is only used in data/diagrams.json: it renders while the pages are serialised.
  const graphRendered = mermaid.render(graph ? [graph] : []);
  const diagramsRendered = mermaid.render(documents.flatMap((document) => collectMermaidSources(document.tree)));
  const images = new ImageAssets(options.repoRoot);
  const symbols = new Map(model.apiModules.flatMap((module) => module.members.map((member) => [member.name, `api/${module.id}/#${member.anchor}`] as const)));
  let svgs: DiagramSvgs = new Map();
  const cache = options.serialised ?? KeyedCache.disabled<CachedBody>();
  const bodies = new BodySerialiser({ pages, hiddenPaths: options.hiddenPaths, base: options.base, repoUrl: service.repoUrl, branch: service.branch, symbols });
  /** Serialised bodies by tree: documents without diagrams are serialised while Chromium renders the others. */
  const serialised = new Map<Adr['body'], { text: string; mdx: boolean }>();
  const toMdx = (document: BodyDocument) => {
    const done = serialised.get(document.tree);
    if (done) return done;
    const key = bodies.key(document, svgs);
    const ahead = options.preSerialised?.get(key);
    if (ahead) cache.set(key, ahead);
    let body = ahead ?? cache.get(key);
    if (!body) {
      const { publishedImage, ...fresh } = bodies.serialise(document, svgs, (repoPath) => images.publish(repoPath, document.path));
      body = fresh;
      // Whether an image is published depends on the image file too: such bodies are not kept.
      if (!publishedImage) cache.set(key, body);
    }
    diagnostics.push(...body.dropped.map((drop) => droppedUrlDiagnostic(document.path, drop)));
    const result = { text: body.text, mdx: body.mdx };
    serialised.set(document.tree, result);
    return result;
  };
  for (const document of documents) if (collectMermaidSources(document.tree).length === 0) toMdx(document);
  const diagrams = await diagramsRendered;
  svgs = diagrams.svgs;
  for (const document of documents) {
    for (const source of collectMermaidSources(document.tree)) {
      const error = diagrams.errors.get(source);
      if (error) diagnostics.push(createDiagnostic({ file: document.path }, { severity: 'warning', code: 'mermaid/invalid-diagram', message: `A Mermaid diagram could not be rendered: ${error.split('\n')[0]}`, hint: 'Check the diagram in the Mermaid live editor; it is shown as source until fixed.' }));
    }
  }
  if (diagrams.unavailable && diagrams.errors.size + diagrams.svgs.size === 0 && documents.some((document) => collectMermaidSources(document.tree).length > 0)) {
    diagnostics.push(createDiagnostic({ file: null }, { severity: 'info', code: 'mermaid/not-rendered', message: `Mermaid diagrams were not rendered at build time: ${diagrams.unavailable}. They are shown as Mermaid source code.`, hint: 'Install Chrome or Chromium, or set HANDOVER_CHROMIUM, to render diagrams to SVG at build time.' }));
  }
  const sources = new Map<string, string>();
  /**
   * Writes a page as `.mdx` only when its body needs MDX, else as `.md` (much cheaper to build),
   * and remembers the repo file it shows, so a problem found in the page can name that file.
   */
  const setPage = (pathWithoutExtension: string, from: string | null, frontMatter: Record<string, unknown>, body: { text: string; mdx: boolean } | null) => {
    const file = `${pathWithoutExtension}.${body?.mdx || options.allMdx ? 'mdx' : 'md'}`;
    files.set(file, page(frontMatter, body?.text ?? ''));
    if (from) sources.set(file, from);
  };

  const overviewBody = service.readme && service.readmePath ? toMdx({ path: service.readmePath, tree: service.readme }) : null;
  setPage('docs/index', service.readmePath, {
    title: service.name,
    description: service.description ?? `Handover site of ${service.name}.`,
    editUrl: sourceUrl(service, service.readmePath) ?? false,
    handover: { kind: 'overview' },
  }, overviewBody);
  for (const adr of model.adrs) {
    setPage(`docs/adr/${adr.id}`, adr.source.path, {
      title: adr.title,
      description: adr.summary ?? `Architecture decision record ${adr.number ?? adr.id}.`,
      editUrl: sourceUrl(service, adr.source.path) ?? false,
      handover: { kind: 'adr', id: adr.id },
    }, toMdx({ path: adr.source.path, tree: adr.body }));
  }
  for (const runbook of model.runbooks) {
    setPage(`docs/runbooks/${runbook.id}`, runbook.source.path, {
      title: runbook.title,
      description: runbook.summary ?? `Runbook${runbook.alerts.length > 0 ? ` for ${runbook.alerts.join(', ')}` : ''}.`,
      editUrl: sourceUrl(service, runbook.source.path) ?? false,
      handover: { kind: 'runbook', id: runbook.id },
    }, toMdx({ path: runbook.source.path, tree: runbook.body }));
  }
  for (const item of model.debt) {
    setPage(`docs/debt/${item.id}`, item.source.path, {
      title: item.ref && item.ref !== item.title ? `${item.ref}: ${item.title}` : item.title,
      description: item.reason ?? item.impact ?? `Technical debt item ${item.ref ?? item.id}.`,
      editUrl: sourceUrl(service, item.source.path) ?? false,
      handover: { kind: 'debt', id: item.id },
    }, item.body ? toMdx({ path: item.source.path, tree: item.body }) : null);
  }
  // API source links point at the commit built, so line numbers stay right after later changes.
  const lineUrl = (repoPath: string, line: number) => {
    const url = sourceUrl(service.commit ? { ...service, branch: service.commit } : service, repoPath);
    return url ? `${url}#L${line}` : null;
  };
  for (const module of model.apiModules) {
    const markdown = apiModuleMarkdown(module, lineUrl);
    const tree = options.parseGeneratedPage?.(markdown, module.source.path) ?? parseMarkdown(markdown, module.source.path).tree;
    setPage(`docs/api/${module.id}`, module.source.path, {
      title: module.name,
      description: `API reference of ${module.name}: ${module.symbols} exported symbol${module.symbols === 1 ? '' : 's'}.`,
      editUrl: false,
      handover: { kind: 'api-module', id: module.id },
    }, toMdx({ path: module.source.path, tree }));
  }
  files.set('data/api.json', json(model.apiModules.map(({ kind: _kind, members, ...module }) => ({ ...module, names: members.map((member) => member.name), undocumented: members.filter((member) => member.comment === null).map((member) => member.name) }))));
  for (const module of model.training) {
    setPage(`docs/training/${module.id}`, module.source?.path ?? null, {
      title: module.title,
      description: module.objectives[0] ?? `Training module: ${module.title}.`,
      editUrl: module.source ? sourceUrl(service, module.source.path) ?? false : false,
      handover: { kind: 'training-module', id: module.id },
    }, toMdx({ path: module.source?.path ?? `docs/training/${module.id}.md`, tree: module.body }));
  }
  files.set('data/sessions.json', json(model.sessions.map(({ kind: _kind, ...session }) => session)));
  files.set('data/training.json', json(model.training.map(({ kind: _kind, body: _body, ...module }) => module)));
  files.set('data/adrs.json', json(model.adrs.map((adr) => adrSummary(adr, service))));
  files.set('data/debt.json', json(model.debt.map(({ kind: _kind, body: _body, ...item }) => ({ ...item, sourceUrl: sourceUrl(service, item.source.path) }))));
  files.set('data/code-markers.json', json(model.codeMarkers.map(({ kind: _kind, ...marker }) => ({ ...marker, sourceUrl: sourceUrl(service, marker.source.path) }))));
  files.set('data/runbooks.json', json(model.runbooks.map(({ kind: _kind, body: _body, ...runbook }) => ({ ...runbook, sourceUrl: sourceUrl(service, runbook.source.path) }))));
  files.set('data/alerts.json', json(model.alerts.map(({ kind: _kind, ...alert }) => ({ ...alert, sourceUrl: sourceUrl(service, alert.source.path) }))));
  const graphSvg = (await graphRendered).svgs;
  files.set('data/diagrams.json', json([{ id: 'adr-graph', source: graph, svg: graph ? graphSvg.get(graph) ?? null : null, shown: drawn?.shown ?? 0, total: drawn?.total ?? 0 }]));
  const changelog = model.releases.find((notes) => notes.source)?.source?.path ?? null;
  setPage('docs/releases', changelog, {
    title: 'Releases',
    description: `What changed in each release of ${service.name}, and the release this site was built from.`,
    editUrl: sourceUrl(service, changelog) ?? false,
  }, toMdx({ path: changelog ?? 'CHANGELOG.md', tree: releasesPageTree(model) }));
  const { kind: _release, ...release } = model.release;
  files.set('data/release.json', json([{ ...release, commitUrl: commitUrl(service.repoUrl, release.commit), changelog }]));
  const { readme: _readme, kind: _service, ...serviceData } = service;
  files.set('data/service.json', json([{ ...serviceData, today: options.today }]));
  files.set('data/readiness.json', json([{
    id: 'readiness',
    ...options.readiness,
    findings: options.readiness.findings.map((finding) => {
      const url = sourceUrl(service, finding.file);
      return { ...finding, sourceUrl: url && finding.line ? `${url}#L${finding.line}` : url };
    }),
    outcomes: model.outcomes.map(({ kind: _kind, ...outcome }) => outcome),
    security: model.security.map(({ kind: _kind, ...file }) => ({ ...file, sourceUrl: sourceUrl(service, file.path) })),
  }]));
  files.set('site.json', json(options.settings));
  diagnostics.push(...images.diagnostics);
  return {
    files,
    assets: images.files,
    sources,
    diagnostics,
    pages: 4 + model.adrs.length + (model.training.length > 0 ? 1 + model.training.length : 0) + (model.apiModules.length > 0 ? 1 + model.apiModules.length : 0) + (model.runbooks.length + model.alerts.length > 0 ? 2 + model.runbooks.length : 0) + (model.debt.length + model.codeMarkers.length > 0 ? 2 + model.debt.length : 0),
    diagrams: { rendered: diagrams.svgs.size + graphSvg.size, failed: diagrams.errors.size, unavailable: diagrams.unavailable, chromium: diagrams.chromium },
    serialiseAgain: (document) => {
      if (collectMermaidSources(document.tree).some((source) => !svgs.has(source))) return null;
      const { text, mdx, publishedImage } = bodies.serialise(document, svgs, () => null);
      return publishedImage ? null : { text, mdx };
    },
  };
}

function adrSummary(adr: Adr, service: HandoverModel['service']): AdrSummary {
  const { kind: _kind, body: _body, references: _references, ...summary } = adr;
  return { ...summary, sourceUrl: sourceUrl(service, adr.source.path) };
}

function droppedUrlDiagnostic(file: string, drop: DroppedUrl): Diagnostic {
  const messages: Record<DroppedUrl['reason'], [string, string]> = {
    'unsafe-scheme': [`The link "${drop.url}" uses a scheme that can run code, so it was removed.`, 'Link to an https:// page instead.'],
    'outside-repo': [`The link "${drop.url}" points outside the repository, so it was removed.`, 'Link to the other repository by its web URL.'],
    internal: [`The link "${drop.url}" points at a document left out of this --public build, so only its text is shown.`, 'Nothing to do: the document is internal (its front matter or visibility.internal says so).'],
    'no-target': [`The link "${drop.url}" points at a file that is not a page of the site, and the repository URL is unknown, so the link was removed.`, 'Set `service.repoUrl` in handover.config.yaml (or `repository` in package.json) so such links go to the repository.'],
  };
  const [message, hint] = messages[drop.reason];
  return createDiagnostic({ file, line: drop.line }, { severity: drop.reason === 'no-target' || drop.reason === 'internal' ? 'info' : 'warning', code: `link/${drop.reason}`, message, hint });
}

function page(frontMatter: Record<string, unknown>, body: string): string {
  return `${frontMatterBlock(frontMatter)}\n${body}`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
