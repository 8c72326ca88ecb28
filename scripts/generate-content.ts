import { runChecks } from './check/run-checks.ts';
import { sortDiagnostics } from './diagnostics/diagnostic.ts';
import type { ReadinessReport } from './model/schemas/readiness.ts';
import { emitContent, openSerialiseCache, type EmitResult } from './emit/emit-content.ts';
import { adrGraphSource } from './emit/adr-graph.ts';
import { collectMermaidSources } from './emit/mdx/mdast-mermaid-to-svg.ts';
import { linkAdrs } from './model/link-adrs.ts';
import { MermaidRenderer } from './emit/mermaid/render-mermaid.ts';
import type { HandoverModel, SourceRecords } from './model/build-model.ts';
import { preSerialise, type PreSerialising } from './emit/pre-serialise.ts';
import { siteSettings } from './emit/site-settings.ts';
import { writeContent } from './emit/write-content.ts';
import type { SiteSettings } from './model/schemas/site-settings.ts';
import { ingest, type IngestResult } from './ingest.ts';
import { summariseDiagnostics } from './report/build-report.ts';
import { CONVENTIONAL_ADR_FOLDERS, findAdrLocations } from './sources/adr/discover-adrs.ts';
import { openCleanTextCache, scanContent, type SecretScan } from './secrets/scan-content.ts';
import { publicView } from './visibility/public-view.ts';

export interface GenerateOptions {
  repoRoot: string;
  contentDir: string;
  /** Folder for caches kept between builds (TypeDoc's output). */
  cacheDir: string;
  /** Site base path; a function when it depends on the model (a versioned build's `/<version>/`). */
  base: string | ((ingested: IngestResult) => string);
  /** Leave out internal documents (`handover build --public`). */
  public?: boolean;
  /** Scan what would be published for secrets; with a finding nothing is written (see `secrets`). */
  scanSecrets?: boolean;
  /**
   * Write every page as MDX (`handover dev`): Astro's dev server reloads the browser when an MDX
   * page changes, but not when a Markdown entry of the content layer does.
   */
  allMdx?: boolean;
  /**
   * For `handover dev`, aborted when a newer edit will regenerate anyway: the run then stops after
   * reading the repository or before writing (rejecting with the signal's reason), so a stale run
   * neither competes with the newer edit for the CPU nor makes Astro reload stale content.
   */
  signal?: AbortSignal;
  /**
   * Called with the site's settings (`site.json`) once the model is known, before the pages are
   * emitted and written: `handover build` hands them to Astro's process, started with the build,
   * which resolves its config while the pages are written.
   */
  onSettings?: (settings: SiteSettings, ingested: IngestResult) => void;
  /** See `IngestOptions.onLongRun`. */
  onLongRun?: () => void;
}

/** Everything generateContent produced. */
export type Generated = IngestResult & {
  emit: EmitResult;
  readiness: ReadinessReport;
  secrets: SecretScan | null;
  /** Keeps this build's parse results and diagrams for the next one; nothing to keep when a secret stopped the build. */
  saveCaches: () => Promise<void>;
};

/** Receives the start and end of each step, for progress output. */
export interface Progress {
  step(label: string): void;
  done(result: string): void;
}

const SILENT: Progress = { step() {}, done() {} };

/** Runs everything before Astro: ingest the repo, emit content, write it to the content folder. */
export async function generateContent(options: GenerateOptions, progress: Progress = SILENT): Promise<Generated> {
  const mermaid = await MermaidRenderer.open(options.cacheDir);
  mermaid.warmUp();
  try {
    return await generateWith(mermaid, options, progress);
  } finally {
    await mermaid.close();
  }
}

/**
 * The Mermaid sources of parsed documents, and the ADR graph as the model will draw it, to start
 * rendering them before the model is built (emit renders whatever differs, e.g. in a --public build).
 */
function prefetchDiagrams(mermaid: MermaidRenderer, records: SourceRecords): void {
  const graph = adrGraphSource(linkAdrs(records.adr).adrs);
  const trees = [...records.adr.map((adr) => adr.body), ...records.runbook.map((runbook) => runbook.body), ...records.debt.flatMap((item) => (item.body ? [item.body] : [])), ...records.training.map((module) => module.body), ...records.service.flatMap((fact) => ('body' in fact && fact.body ? [fact.body] : []))];
  // Two batches: emit needs the documents' diagrams before the graph (which it needs last).
  mermaid.prefetch(trees.flatMap((tree) => collectMermaidSources(tree)));
  if (graph) mermaid.prefetch([graph]);
}

async function generateWith(mermaid: MermaidRenderer, options: GenerateOptions, progress: Progress): Promise<Generated> {
  progress.step('Reading the repository');
  // Emit's caches are read from disk while the repository is ingested (tens of megabytes at
  // thousands of documents); nothing in them depends on what ingest finds.
  const emitCaches = Promise.all([openSerialiseCache(options.cacheDir), openCleanTextCache(options.cacheDir)]);
  // While TypeDoc runs in its worker, this thread serialises the documents' pages from a draft of
  // the model (not for a --public or versioned build: which documents are hidden, and the base,
  // are known only from the whole model).
  const ahead: { work?: PreSerialising } = {};
  const base = options.base;
  const onDraft = options.public || typeof base !== 'string' ? undefined : (draft: HandoverModel, identifiers: ReadonlySet<string>) => (ahead.work = preSerialise(draft, { base }, identifiers));
  const everything = await ingest(options.repoRoot, { cacheDir: options.cacheDir, ownFolders: [options.contentDir, options.cacheDir], onParsed: (records) => prefetchDiagrams(mermaid, records), onDraft, onLongRun: options.onLongRun }).catch(async (error: unknown) => {
    await ahead.work?.stop();
    throw error;
  });
  const preSerialised = await ahead.work?.stop();
  const ingested = options.public ? await publicView(everything, options.repoRoot) : { ...everything, internal: [] };
  const { files } = ingested.report;
  const { adrs, runbooks, alerts } = ingested.model;
  const { cache } = ingested.report.api;
  const typedoc = cache === 'hit' ? 'TypeDoc output reused (sources unchanged)' : cache === 'miss' ? `TypeDoc ${ingested.apiSeconds.toFixed(1)}s` : 'no TypeScript API';
  const parsed = ingested.parseCache === 'hit' ? '; every file unchanged since the last build' : ingested.parseCache === 'partial' ? '; unchanged files taken from the last build' : '';
  progress.done(`${files.length} files${parsed}, ${adrs.length} ADRs, ${runbooks.length} runbooks, ${alerts.length} alerts, ${ingested.model.debt.length} debt items; ${typedoc}`);

  options.signal?.throwIfAborted();
  const { report: readiness } = runChecks({ model: ingested.model, config: ingested.config, configFile: ingested.report.config, today: ingested.today });

  progress.step('Writing content');
  const locations = await findAdrLocations({ repoRoot: options.repoRoot, config: ingested.config });
  const found = locations.folders.length > 0 ? locations.folders : locations.rootFiles.length > 0 ? ['(repository root)'] : [];
  const [serialised, clean] = await emitCaches;
  const settings = siteSettings(ingested.model, { siteTitle: ingested.config.site.title ?? null, adrFolders: { found, searched: ingested.config.adr.paths ?? CONVENTIONAL_ADR_FOLDERS } });
  options.onSettings?.(settings, ingested);
  const emit = await emitContent(ingested.model, {
    repoRoot: options.repoRoot,
    base: typeof options.base === 'function' ? options.base(ingested) : options.base,
    settings,
    today: ingested.today,
    readiness,
    hiddenPaths: new Set(ingested.internal.map((document) => document.path)),
    allMdx: options.allMdx ?? false,
    mermaid,
    serialised,
    preSerialised,
    parseGeneratedPage: everything.parseGeneratedPage,
  });
  const diagnostics = sortDiagnostics([...ingested.report.diagnostics, ...emit.diagnostics]);
  const secrets = options.scanSecrets
    ? await scanContent({ files: emit.files, extra: new Map([['handover-report.json', JSON.stringify(diagnostics)]]), sources: emit.sources, config: ingested.config, repoRoot: options.repoRoot, repoFiles: everything.report.files.map((file) => file.path), clean })
    : null;
  if (secrets && secrets.blocking.length > 0) {
    // Nothing is written: the secret never reaches the content folder, Astro's caches or --out.
    const blocked = sortDiagnostics(secrets.blocking);
    progress.done(`stopped: ${blocked.length} secret${blocked.length === 1 ? '' : 's'} would be published`);
    return { ...ingested, report: { ...ingested.report, diagnostics: blocked, summary: summariseDiagnostics(blocked) }, emit, readiness, secrets, saveCaches: async () => undefined };
  }
  // Cached parse results and diagrams are kept only once the secrets scan has passed; the caller
  // writes them while Astro builds, when this process is otherwise idle.
  const saveCaches = () => Promise.all([everything.saveIngestCaches(), mermaid.save(), serialised.save(), clean.save()]).then(() => undefined);
  const published = sortDiagnostics([...diagnostics, ...(secrets?.allowed ?? [])]);
  const report = { ...ingested.report, diagnostics: published, summary: summariseDiagnostics(published) };
  options.signal?.throwIfAborted();
  await writeContent(options.contentDir, emit.files, emit.assets);
  const { rendered, unavailable, chromium } = emit.diagrams;
  const diagrams = rendered > 0 ? `, ${rendered} diagram${rendered === 1 ? '' : 's'} ${chromium ? `rendered with ${chromium}` : 'unchanged since the last build'}` : unavailable ? `, diagrams left as source: ${unavailable}` : '';
  progress.done(`${emit.pages} pages${diagrams}; readiness ${readiness.score ?? 'n/a'}/100 with ${readiness.findings.length} finding${readiness.findings.length === 1 ? '' : 's'} (handover check lists them)`);
  return { ...ingested, report, emit, readiness, secrets, saveCaches };
}
