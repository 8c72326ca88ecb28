import { loadConfig } from './config/load-config.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.ts';
import { buildModel, type HandoverModel, type SourceRecords } from './model/build-model.ts';
import { uniqueIds } from './model/unique-ids.ts';
import { summariseDiagnostics, type BuildReport, type FileOutcome } from './report/build-report.ts';
import { unparsedFiles } from './report/unparsed-files.ts';
import { adrSource } from './sources/adr/index.ts';
import { ParseCache, type ParseCacheUse } from './sources/parse-cache.ts';
import { sourceFileReader } from './sources/read-source-file.ts';
import { alertSource } from './sources/alert/index.ts';
import { readApi } from './sources/api/read-api.ts';
import { RepoListing } from './sources/shared/repo-files.ts';
import { codeMarkerSource } from './sources/code-marker/index.ts';
import { debtSource } from './sources/debt/index.ts';
import { blameDates, openBlameCache } from './sources/git/blame-dates.ts';
import { lastCommitDates as gitDatesOf } from './sources/git/last-commit-dates.ts';
import { ownershipSource } from './sources/ownership/index.ts';
import { openTagHistoryCache, readGitRelease } from './sources/release/read-git-release.ts';
import { releaseSource } from './sources/release/index.ts';
import { runbookSource } from './sources/runbook/index.ts';
import { securitySource } from './sources/security/index.ts';
import { serviceSource } from './sources/service/index.ts';
import { trainingSource } from './sources/training/index.ts';
import type { Source, SourceContext } from './sources/types.ts';
import type { HandoverConfig } from './config/schema.ts';
import type { Root } from 'mdast';
import { parseGeneratedTraining } from './sources/training/parse-training.ts';
import { parseMarkdown } from './sources/markdown/parse-markdown.ts';

export interface IngestResult {
  config: HandoverConfig;
  model: HandoverModel;
  report: BuildReport;
  /** The ISO date the build counted as today. */
  today: string;
  /** Seconds TypeDoc took (0 when its cache was used), for the build summary. */
  apiSeconds: number;
  /** Whether parse results of an earlier run were reused (`off` without a cache folder). */
  parseCache: ParseCacheUse;
  /**
   * Keeps this run's parse results and blame dates for the next one. The caller decides when: a
   * build saves them only once the secrets scan has passed, so a secret never lands in the work
   * dir's cache.
   */
  saveIngestCaches: () => Promise<void>;
  /**
   * Parses the Markdown of a page Handover generated (an API page) through this run's parse cache,
   * as generated training modules are, so a rebuild takes the tree, its identity and its facts
   * from there like a file's.
   */
  parseGeneratedPage: (markdown: string, file: string) => Root;
}

export interface IngestOptions {
  /** ISO date the build counts as today; default: HANDOVER_TODAY, SOURCE_DATE_EPOCH, else now. */
  today?: string;
  /** Folder for caches (TypeDoc's output); none means TypeDoc always runs. */
  cacheDir?: string | null;
  /**
   * Called once the files are parsed, before TypeDoc, git and the model: a build starts rendering
   * the documents' diagrams here, in Chromium's own process, while the rest of ingest runs.
   */
  onParsed?: (records: SourceRecords) => void;
  /**
   * Called after `onParsed` when TypeDoc is running (its output was not cached), with a draft of
   * the model: everything but the API and git facts, and every identifier in the TypeScript
   * sources (the symbols TypeDoc will find are among them). A build serialises the documents'
   * pages from it while this thread would otherwise wait for TypeDoc.
   */
  onDraft?: (draft: HandoverModel, sourceIdentifiers: ReadonlySet<string>) => void;
  /**
   * Called (once) as soon as the run is known to take seconds rather than a fraction of one:
   * TypeDoc has to run (its output was not cached), or no document was in the parse cache.
   * `handover build` then starts Astro's process alongside (site-build/run-astro.ts, AstroBuild).
   */
  onLongRun?: () => void;
  /**
   * Handover's own folders (the work dir's content and caches). When one lies inside the
   * repository (a CI job that can only cache the project folder, `--work-dir .handover`), nothing
   * in it is read as part of the repository: not the last build's pages, nor its caches.
   */
  ownFolders?: readonly string[];
}

/** The build's "today": explicit, else HANDOVER_TODAY or SOURCE_DATE_EPOCH (reproducible builds), else now. */
export function buildDate(explicit?: string): string {
  if (explicit) return explicit;
  if (process.env.HANDOVER_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(process.env.HANDOVER_TODAY)) return process.env.HANDOVER_TODAY;
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

/** Runs config, every source and the model over a service repo: everything before emit. */
export async function ingest(repoRoot: string, options: IngestOptions = {}): Promise<IngestResult> {
  // Git is asked for the repository's files once, for every scan of it, and for HEAD and the tags.
  // Both start first: a process is cheapest to spawn while this one is small, and git runs on the
  // other core while this one reads the config and the caches.
  const listing = new RepoListing(repoRoot, options.ownFolders);
  listing.prefetch();
  let historyWanted = (_wanted: boolean) => {};
  // The tag history is only read (one git log per tag) when there is no changelog to show.
  const tagHistoryCache = openTagHistoryCache(options.cacheDir ?? null);
  const gitReleaseRead = readGitRelease(repoRoot, { history: new Promise<boolean>((resolve) => (historyWanted = resolve)), cache: tagHistoryCache });
  const blameCacheOpened = openBlameCache(options.cacheDir ?? null);
  const { config, file: configFile, text: configText, diagnostics: configDiagnostics } = await loadConfig(repoRoot);
  const context: SourceContext = { repoRoot, config, listing };
  const files: FileOutcome[] = [];
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const cache = options.cacheDir ? await ParseCache.open(options.cacheDir, repoRoot, config) : ParseCache.disabled();
  // TypeDoc runs in a worker thread from here on, while the documents are parsed.
  let typedocStarted = (_identifiers: ReadonlySet<string>) => {};
  const typedocRunning = new Promise<ReadonlySet<string>>((resolve) => (typedocStarted = resolve));
  let longRun = options.onLongRun;
  const onLongRun = () => {
    longRun?.();
    longRun = undefined;
  };
  const apiRead = readApi(repoRoot, config.api.entryPoints, options.cacheDir ?? null, {
    onTypedocStart: (identifiers) => {
      onLongRun();
      typedocStarted(identifiers);
    },
  }, listing);
  apiRead.catch(() => undefined); // awaited below; this only keeps an early failure from being reported as unhandled
  const runSource = <TRecord>(source: Source<TRecord>) => runOneSource(source, context, files, diagnostics, cache);
  const records: SourceRecords = {
    adr: await runSource(adrSource),
    service: await runSource(serviceSource),
    runbook: await runSource(runbookSource),
    alert: await runSource(alertSource),
    ownership: await runSource(ownershipSource),
    debt: await runSource(debtSource),
    'code-marker': await runSource(codeMarkerSource),
    training: await runSource(trainingSource),
    release: await runSource(releaseSource),
    security: await runSource(securitySource),
  };
  // Ids are page URLs: files whose names differ only in case get distinct ones, and the report says so.
  for (const kind of ['runbook', 'training'] as const) {
    const unique = uniqueIds<(typeof records)[typeof kind][number]>(records[kind], kind);
    diagnostics.push(...unique.diagnostics);
    unique.records.forEach((record, index) => {
      const before = records[kind][index]!;
      if (record.id === before.id) return;
      const outcome = files.find((file) => file.source === kind && file.path === before.source?.path);
      if (outcome) outcome.records = outcome.records.map((id) => (id === before.id ? record.id : id));
    });
    (records as Record<typeof kind, unknown[]>)[kind] = unique.records;
  }
  if (cache.use() === 'miss') onLongRun();
  options.onParsed?.(records);
  const today = buildDate(options.today);
  const parseGenerated = cachedParser(cache, 'generated-training', parseGeneratedTraining);
  const { onDraft } = options;
  if (onDraft) {
    // Once TypeDoc is known to run (not when its output was cached: then there is no wait to fill).
    void Promise.race([typedocRunning, apiRead.then(() => null, () => null)]).then((identifiers) => {
      // Generated training modules that do not show the API come out the same text, parsed once.
      if (identifiers) onDraft(buildModel(records, config, repoRoot, { today, lastCommitDates: new Map(), markerDates: new Map(), apiModules: [], commit: null, parseGenerated }).model, identifiers);
    }).catch(() => undefined); // the draft only saves time: without it, emit does the work
  }
  files.push(...(await unparsedFiles(repoRoot, files)));
  const markerLines = new Map<string, number[]>();
  for (const marker of records['code-marker']) markerLines.set(marker.source.path, [...(markerLines.get(marker.source.path) ?? []), marker.source.line]);
  historyWanted(records.release.length === 0);
  const gitRelease = await gitReleaseRead;
  const commit = gitRelease.commit;
  const blameCache = await blameCacheOpened;
  const markerDates = await blameDates(repoRoot, markerLines, { head: commit, cache: blameCache });
  const lastCommitDates = await gitDatesOf(repoRoot, records.runbook.filter((runbook) => !runbook.lastReviewed).map((runbook) => runbook.source.path));
  const api = await apiRead;
  diagnostics.push(...api.diagnostics);
  for (const entryPoint of api.entryPoints) files.push({ path: entryPoint, source: 'api', outcome: api.modules.length > 0 ? 'record' : 'error', records: api.modules.map((module) => module.id), reason: api.modules.length > 0 ? null : 'TypeDoc could not document it' });
  const { model, diagnostics: modelDiagnostics } = buildModel(records, config, repoRoot, { today, lastCommitDates, markerDates, apiModules: api.modules, commit, gitRelease, configFile, configLine: lineFinder(configText ?? ''), parseGenerated });
  diagnostics.push(...modelDiagnostics);
  const sorted = sortDiagnostics(diagnostics);
  const report: BuildReport = {
    schemaVersion: 1,
    service: { name: model.service.name, version: model.service.version },
    config: configFile,
    api: { cache: api.cache, entryPoints: api.entryPoints },
    counts: { 'api-module': model.apiModules.length, adr: model.adrs.length, runbook: model.runbooks.length, alert: model.alerts.length, debt: model.debt.length, 'code-marker': model.codeMarkers.length, 'training-module': model.training.length },
    files: files.sort((a, b) => a.path.localeCompare(b.path) || a.source.localeCompare(b.source)),
    diagnostics: sorted,
    summary: summariseDiagnostics(sorted),
  };
  return { config, model, report, today, apiSeconds: api.seconds, parseCache: cache.use(), saveIngestCaches: async () => void (await Promise.all([cache.save(), blameCache.save(), (await tagHistoryCache).save()])), parseGeneratedPage: cachedParser(cache, 'generated-page', parseMarkdown) };
}

/** Parses texts Handover generated with `parse`, through the parse cache like any file's. */
function cachedParser(cache: ParseCache, kind: string, parse: (markdown: string, file: string) => { tree: Root }): (markdown: string, file: string) => Root {
  return (markdown, file) => {
    const key = cache.key(kind, file, markdown, '');
    let result = cache.get<Root>(key);
    if (!result) {
      result = { records: [parse(markdown, file).tree], diagnostics: [] };
      cache.set(key, result);
    }
    cache.identify(key, result);
    return result.records[0]!;
  };
}

/** Finds the first line of the config file that contains a text, for diagnostics about it. */
function lineFinder(text: string): (needle: string) => number | null {
  const lines = text.split('\n');
  return (needle) => {
    const index = lines.findIndex((line) => line.includes(needle));
    return index === -1 ? null : index + 1;
  };
}

/** Discovers, reads and parses one source's files (or takes unchanged ones from the cache), accounting for each in `files`. */
async function runOneSource<TRecord>(source: Source<TRecord>, context: SourceContext, files: FileOutcome[], diagnostics: Diagnostic[], cache: ParseCache): Promise<TRecord[]> {
  const records: TRecord[] = [];
  // Sources that glob for themselves (alert rules, the changelog...) are kept out of Handover's own folders here.
  const paths = (await source.discover(context)).filter((file) => context.listing?.isRepoPath(file) ?? true);
  const parseContext = { ...context, discovered: new Set(paths) };
  const neighbours = cache.neighbours(paths);
  const read = sourceFileReader(context.repoRoot, context.config.limits.maxFileSize);
  const texts = paths.map((path) => (source.presenceOnly ? ({ ok: true, text: '' } as const) : read(path)));
  paths.forEach((path, index) => {
    const read = texts[index]!;
    if (!read.ok) {
      if (source.lenient) {
        // A code scan meets binary and huge files as a matter of course: a note, not an error.
        diagnostics.push({ ...read.diagnostic, severity: 'info' });
        files.push({ path, source: source.kind, outcome: 'skipped', records: [], reason: read.diagnostic.message });
        return;
      }
      diagnostics.push(read.diagnostic);
      files.push({ path, source: source.kind, outcome: 'error', records: [], reason: read.diagnostic.message });
      return;
    }
    let result;
    try {
      const key = cache.key(source.kind, path, read.text, neighbours);
      result = cache.get<TRecord>(key);
      if (!result) {
        result = source.parse({ path, text: read.text }, parseContext);
        cache.set(key, result);
      }
      cache.identify(key, result);
    } catch (error) {
      // Parsers report problems as diagnostics; a throw is a bug in Handover, not in the file.
      const message = `Handover failed to parse this file (${(error as Error).message}); this is a bug in Handover.`;
      diagnostics.push({ file: path, line: null, column: null, severity: 'error', code: 'internal/parser-crashed', message, hint: 'Please report it with the file attached; the other files were built.' });
      files.push({ path, source: source.kind, outcome: 'error', records: [], reason: message });
      return;
    }
    diagnostics.push(...result.diagnostics);
    records.push(...result.records);
    const ids = result.records.map((record) => (record as { id?: string }).id ?? source.kind);
    const failed = result.records.length === 0 && !result.skipped && result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    const reason = result.skipped ?? (failed ? result.diagnostics.find((diagnostic) => diagnostic.severity === 'error')!.message : null);
    files.push({ path, source: source.kind, outcome: result.skipped ? 'skipped' : failed ? 'error' : 'record', records: ids, reason });
  });
  return records;
}
