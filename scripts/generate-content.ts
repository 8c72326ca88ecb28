import { sortDiagnostics } from './diagnostics/diagnostic.ts';
import { emitContent, type EmitResult } from './emit/emit-content.ts';
import { writeContent } from './emit/write-content.ts';
import { ingest, type IngestResult } from './ingest.ts';
import { summariseDiagnostics } from './report/build-report.ts';
import { CONVENTIONAL_ADR_FOLDERS, findAdrLocations } from './sources/adr/discover-adrs.ts';

export interface GenerateOptions {
  repoRoot: string;
  contentDir: string;
  base: string;
}

/** Receives the start and end of each step, for progress output. */
export interface Progress {
  step(label: string): void;
  done(result: string): void;
}

const SILENT: Progress = { step() {}, done() {} };

/** Runs everything before Astro: ingest the repo, emit content, write it to the content folder. */
export async function generateContent(options: GenerateOptions, progress: Progress = SILENT): Promise<IngestResult & { emit: EmitResult }> {
  progress.step('Reading the repository');
  const ingested = await ingest(options.repoRoot);
  const { files } = ingested.report;
  const { adrs, runbooks, alerts } = ingested.model;
  progress.done(`${files.length} files, ${adrs.length} ADRs, ${runbooks.length} runbooks, ${alerts.length} alerts`);

  progress.step('Writing content');
  const locations = await findAdrLocations({ repoRoot: options.repoRoot, config: ingested.config });
  const found = locations.folders.length > 0 ? locations.folders : locations.rootFiles.length > 0 ? ['(repository root)'] : [];
  const emit = await emitContent(ingested.model, {
    repoRoot: options.repoRoot,
    base: options.base,
    adrFolders: { found, searched: ingested.config.adr.paths ?? CONVENTIONAL_ADR_FOLDERS },
    siteTitle: ingested.config.site.title ?? null,
    today: ingested.today,
  });
  await writeContent(options.contentDir, emit.files, emit.assets);
  const { rendered, unavailable, chromium } = emit.diagrams;
  const diagrams = rendered > 0 ? `, ${rendered} diagram${rendered === 1 ? '' : 's'} rendered with ${chromium}` : unavailable ? `, diagrams left as source: ${unavailable}` : '';
  progress.done(`${emit.pages} pages${diagrams}`);

  const diagnostics = sortDiagnostics([...ingested.report.diagnostics, ...emit.diagnostics]);
  const report = { ...ingested.report, diagnostics, summary: summariseDiagnostics(diagnostics) };
  return { ...ingested, report, emit };
}
