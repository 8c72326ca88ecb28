// `npm run bench`: builds synthetic service repos of N documents with Handover and, on the same
// Markdown, with plain Astro (+ Pagefind), default Starlight and a bare remark script; prints the
// table and writes it into docs/benchmarks.md (between the bench markers; the notes around them
// are kept). Never part of `npm test`.
//
//   npm run bench -- --sizes 100,1000,5000 --runs 3 --large-runs 1 --starlight-max 1000
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium/launch-chromium.ts';
import { buildAstro, buildRemarkFloor, runPagefind, writeBaselines } from './baselines.ts';
import { measureDevLatency, type DevLatency } from './dev-latency.ts';
import { generateRepo } from './generate-repo.ts';
import { buildHandover, type RunReport } from './handover-build.ts';
import { measureMermaid } from './mermaid-cost.ts';
import { describeMachine, renderReport, writeReport, type SizeResult, type SystemResult } from './report.ts';
import { pageScripts, siteSize } from './site-metrics.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = path.join(ROOT, 'test', 'bench', '.work');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    runs: { type: 'string', default: '3' },
    rebuilds: { type: 'string', default: '5' },
    'large-runs': { type: 'string', default: '1' },
    'large-from': { type: 'string', default: '5000' },
    'starlight-max': { type: 'string', default: '1000' },
    'dev-size': { type: 'string', default: '1000' },
    'no-dev': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(ROOT, 'docs', 'benchmarks.md') },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((size) => size > 0);
const options = { runs: Number(values.runs), rebuilds: Number(values.rebuilds), largeRuns: Number(values['large-runs']), largeFrom: Number(values['large-from']), starlightMax: Number(values['starlight-max']) };

const started = performance.now();
const machineBefore = describeMachine();
const launched = await launchChromium();
if (!launched) throw new Error('The benchmark needs a Chromium to measure page JavaScript (set HANDOVER_CHROMIUM).');
const browser = launched.browser;
const results: SizeResult[] = [];
let dev: (DevLatency & { size: number }) | null = null;
try {
  for (const size of sizes) results.push(await benchSize(size));
  if (!values['no-dev']) {
    const size = Number(values['dev-size']);
    log(`handover dev: edit latency at N=${size}`);
    const repo = await generateRepo(path.join(WORK, 'dev', 'repo'), size);
    try {
      dev = { size, ...(await measureDevLatency(browser, repo.dir, path.join(WORK, 'dev', 'work'), { edits: 5, port: 4399 })) };
    } catch (error) {
      // The build figures are still worth writing; the table says the dev measurement failed.
      log(`handover dev measurement failed: ${(error as Error).message}`);
      dev = { size, edits: [], median: Number.NaN, startSeconds: Number.NaN };
    }
  }
} finally {
  await browser.close();
}
const report = renderReport({ results, dev, machine: { before: machineBefore, after: describeMachine() }, minutes: (performance.now() - started) / 60_000, options });
process.stdout.write(`\n${report}\n`);
if (!values['no-write']) {
  await writeReport(values.out, report);
  log(`written to ${path.relative(process.cwd(), values.out)}`);
}

async function benchSize(size: number): Promise<SizeResult> {
  const dir = path.join(WORK, `n-${size}`);
  const runs = size >= options.largeFrom ? options.largeRuns : options.runs;
  log(`N=${size}: generating the repo and the baselines`);
  const repo = await generateRepo(path.join(dir, 'repo'), size);
  const baselines = await writeBaselines(path.join(dir, 'baselines'), repo.documents);
  const withStarlight = size <= options.starlightMax;
  const systems: Record<string, SystemResult> = {};
  const add = (name: string, run: { seconds: number; cpuSeconds: number; peakRss: number; code: number; tail: string[] }) => {
    const system = (systems[name] ??= { runs: [], cpu: [], peakRss: 0, failures: 0 });
    if (run.code !== 0) {
      // One failed build must not lose a quarter of an hour of figures: it is counted and shown.
      log(`${name} FAILED at N=${size} (exit ${run.code}):\n${run.tail.join('\n')}`);
      system.failures++;
      return;
    }
    system.runs.push(run.seconds);
    system.cpu.push(run.cpuSeconds);
    systems[name].peakRss = Math.max(systems[name].peakRss, run.peakRss);
  };
  const handoverOut = path.join(dir, 'handover-dist');
  const handoverWork = path.join(dir, 'handover-work');
  const stages: Record<string, number[]> = { ingest: [], typedoc: [], emit: [], astro: [], pagefind: [] };
  for (let run = 1; run <= runs; run++) {
    log(`N=${size} run ${run}/${runs}: Handover`);
    const built = await buildHandover(repo.dir, handoverOut, handoverWork, { cold: true });
    add('handover', built);
    if (built.run?.timings) {
      stages.ingest!.push(built.run.timings.ingest);
      stages.typedoc!.push(built.run.api.seconds);
      stages.emit!.push(built.run.timings.emit);
      stages.astro!.push(built.run.timings.astro);
      if (built.run.timings.pagefind !== null) stages.pagefind!.push(built.run.timings.pagefind);
    }
    log(`N=${size} run ${run}/${runs}: plain Astro + Pagefind`);
    const plain = await buildAstro(baselines.plainAstro);
    add('plain-astro', plain);
    const pagefind = await runPagefind(path.join(baselines.plainAstro, 'dist'));
    add('pagefind-cli', pagefind);
    add('plain-astro+pagefind', { ...plain, seconds: plain.seconds + pagefind.seconds, cpuSeconds: plain.cpuSeconds + pagefind.cpuSeconds, peakRss: Math.max(plain.peakRss, pagefind.peakRss) });
    if (withStarlight) {
      log(`N=${size} run ${run}/${runs}: default Starlight`);
      add('starlight', await buildAstro(baselines.starlight));
    }
    add('remark', await buildRemarkFloor(baselines.markdown, path.join(dir, 'remark-dist')));
  }
  // Rebuilds more often than cold builds (they are quicker, and their ingest + emit, half a second
  // at N = 1,000, moves by a third with what else the machine runs). The stages reported are those
  // of the rebuild whose ingest + emit is the median; the log shows each.
  const rebuilds: RunReport[] = [];
  const rebuildRuns = size >= options.largeFrom ? options.largeRuns : options.rebuilds;
  const pipelineSeconds = (run: RunReport) => (run.timings ? run.timings.ingest + run.timings.emit : Number.POSITIVE_INFINITY);
  for (let run = 1; run <= rebuildRuns; run++) {
    log(`N=${size} rebuild ${run}/${rebuildRuns}: Handover with unchanged inputs`);
    const rebuilt = await buildHandover(repo.dir, handoverOut, handoverWork, { cold: false });
    add('handover-warm', rebuilt);
    if (rebuilt.run) {
      rebuilds.push(rebuilt.run);
      log(`N=${size} rebuild ${run}/${rebuildRuns}: ingest + emit ${pipelineSeconds(rebuilt.run).toFixed(2)} s`);
    }
  }
  const warm = rebuilds.sort((a, b) => pipelineSeconds(a) - pipelineSeconds(b))[Math.floor((rebuilds.length - 1) / 2)] ?? null;
  log(`N=${size}: Mermaid on its own (${repo.counts.mermaid} diagrams)`);
  const mermaid = await measureMermaid(repo.counts.mermaid);

  const firstAdr = repo.documents[0]!.slug;
  const sites = {
    handover: { dir: handoverOut, page: `/adr/${firstAdr.replace(/^adr-/, '')}/` },
    'plain-astro': { dir: path.join(baselines.plainAstro, 'dist'), page: `/${firstAdr}/` },
    ...(withStarlight ? { starlight: { dir: path.join(baselines.starlight, 'dist'), page: `/docs/${firstAdr}/` } } : {}),
    remark: { dir: path.join(dir, 'remark-dist'), page: `/${firstAdr}/` },
  };
  for (const [name, site] of Object.entries(sites)) {
    if (!systems[name] || systems[name].runs.length === 0) continue;
    systems[name].size = await siteSize(site.dir);
    systems[name].scripts = await pageScripts(browser, site.dir, site.page);
  }
  return { size, runs, rebuilds: rebuildRuns, counts: repo.counts, git: repo.git, systems, stages, warm, mermaid, starlightSkipped: !withStarlight };
}

function log(line: string): void {
  process.stderr.write(`bench: ${line} (${((performance.now() - started) / 1000).toFixed(0)}s)\n`);
}
