// Writes a synthetic but realistic service repository with N documents (ADRs and runbooks of about
// 600 words), plus what such a service has beside them: Prometheus alert rules pointing at the
// runbooks, a debt register, and TypeScript sources with doc comments and debt markers, committed
// to git (a real service's repository has a history, which Handover reads: review dates, blame
// dates of markers, release tags). Deterministic (seeded, and the commit's dates are fixed).
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bullets, createRandom, isoDate, paragraph, slugify, title, type Random } from './prose.ts';

/** One Markdown document as the baselines build it: the same text, with a `title` front matter. */
export interface BaselineDocument {
  slug: string;
  title: string;
  /** The Markdown body, without front matter or the H1 (the page title shows it). */
  body: string;
}

export interface GeneratedRepo {
  dir: string;
  documents: BaselineDocument[];
  counts: { adrs: number; runbooks: number; alerts: number; debt: number; apiFiles: number; apiSymbols: number; mermaid: number };
  /** Whether the repository was committed to git (no git on the machine: plain files). */
  git: boolean;
}

const REPO_URL = 'https://github.com/example-council/bench-service';
const FORMATS = ['nygard', 'madr', 'log4brains'] as const;
/** One document in this many carries a Mermaid diagram ("a few", as real repos have). */
const MERMAID_EVERY = 100;
const SYMBOLS_PER_FILE = 20;
const SYMBOL_VERBS = ['calculate', 'validate', 'load', 'publish', 'format', 'schedule'];

/** Generates the repo into `dir` (emptied first) and returns its documents for the baselines. */
export async function generateRepo(dir: string, documentCount: number, seed = 20261127): Promise<GeneratedRepo> {
  await rm(dir, { recursive: true, force: true });
  const random = createRandom(seed + documentCount);
  const files = new Map<string, string>();
  const documents: BaselineDocument[] = [];
  const adrCount = Math.ceil(documentCount * 0.55);
  const runbookCount = documentCount - adrCount;
  const adrs = Array.from({ length: adrCount }, (_, index) => ({ number: index + 1, title: title(random, index + 1) }));
  const adrFile = (adr: { number: number; title: string }) => `${String(adr.number).padStart(4, '0')}-${slugify(adr.title)}.md`;
  const apiFiles = Math.max(2, Math.round(documentCount / 50));
  const symbol = (file: number, index: number) => `${SYMBOL_VERBS[(index - 1) % SYMBOL_VERBS.length]}Item${file}x${index}`;
  let mermaid = 0;

  for (const [index, adr] of adrs.entries()) {
    const format = FORMATS[index % FORMATS.length]!;
    const diagram = (index + 1) % MERMAID_EVERY === 0 ? ++mermaid : null;
    const supersedes = adr.number % 10 === 0 ? adrs[index - 1] : undefined;
    const { text, body } = adrText(random, format, adr, { supersedes: supersedes && `[${supersedes.number}. ${supersedes.title}](${adrFile(supersedes)})`, diagram, symbol: symbol(1 + (index % apiFiles), 1) });
    files.set(`docs/adr/${adrFile(adr)}`, text);
    documents.push({ slug: `adr-${adrFile(adr).replace(/\.md$/, '')}`, title: adr.title, body });
  }
  const alerts: string[] = [];
  for (let index = 0; index < runbookCount; index++) {
    const alert = `BenchService${random.pick(['HighErrorRate', 'HighLatency', 'QueueBacklog', 'DiskFilling', 'JobFailed', 'CertificateExpiry'])}${index + 1}`;
    alerts.push(alert);
    const diagram = (adrCount + index + 1) % MERMAID_EVERY === 0 ? ++mermaid : null;
    const related = adrs[index % adrs.length]!;
    const { text, body, runbookTitle } = runbookText(random, alert, { adr: `[ADR ${related.number}](../adr/${adrFile(related)})`, diagram });
    files.set(`docs/runbooks/${alert}.md`, text);
    documents.push({ slug: `runbook-${alert.toLowerCase()}`, title: runbookTitle, body });
  }
  files.set('alerts/prometheus-rules.yml', alertRules(random, alerts));
  const debt = Math.max(3, Math.round(documentCount / 20));
  files.set('docs/debt/README.md', debtRegister(random, debt, adrs.length));
  let symbols = 0;
  for (let file = 1; file <= apiFiles; file++) {
    const names = Array.from({ length: SYMBOLS_PER_FILE }, (_, index) => symbol(file, index + 1));
    symbols += names.length;
    // Every module carries a debt marker, dated by `git blame`.
    files.set(`src/modules/module-${String(file).padStart(3, '0')}.ts`, `${tsModule(random, names)}\n// TODO(BENCH-${file}): split this module once the queue work lands.\n`);
  }
  files.set('src/index.ts', Array.from({ length: apiFiles }, (_, index) => `export * from './modules/module-${String(index + 1).padStart(3, '0')}.ts';`).join('\n') + '\n');
  files.set('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, allowImportingTsExtensions: true, noEmit: true }, include: ['src'] }, null, 2));
  files.set('package.json', JSON.stringify({ name: 'bench-service', version: '1.0.0', description: `A synthetic service with ${documentCount} documents, for Handover's benchmark.`, type: 'module', exports: { '.': { types: './src/index.ts' } }, repository: { type: 'git', url: REPO_URL } }, null, 2));
  files.set('README.md', `# Bench service\n\n${paragraph(random, 120)}\n\n## Running it\n\n${paragraph(random, 80)}\n`);
  files.set('.github/CODEOWNERS', '* @example-council/bench-team\n/docs/runbooks/ @example-council/bench-sre\n');

  for (const [relative, content] of files) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return { dir, documents, counts: { adrs: adrCount, runbooks: runbookCount, alerts: alerts.length, debt, apiFiles, apiSymbols: symbols, mermaid }, git: commitAll(dir) };
}

/** Commits everything as one release, tagged like package.json's version; false without git. */
function commitAll(dir: string): boolean {
  const date = '2026-11-02T10:00:00Z';
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd: dir, env, stdio: 'ignore' });
  try {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Release 1.0.0');
    git('tag', '-a', 'v1.0.0', '-m', 'Release 1.0.0');
    return true;
  } catch {
    return false;
  }
}

/** The Mermaid source of the `index`th diagram: each differs, as real diagrams do. */
export function flowchart(index: number): string {
  return `flowchart LR\n  applicant[Applicant ${index}] --> api[Applications API]\n  api --> db[(PostgreSQL)]\n  api --> queue[[Evidence queue ${index}]]\n  queue --> scanner[Upload scanner]\n  api --> notify[GOV.UK Notify]`;
}

function adrText(random: Random, format: (typeof FORMATS)[number], adr: { number: number; title: string }, extra: { supersedes?: string; diagram: number | null; symbol: string }) {
  const date = isoDate(random);
  const status = random.pick(['Accepted', 'Accepted', 'Accepted', 'Proposed', 'Deprecated', 'Rejected']);
  const code = random.next() < 0.35 ? `\n\n\`\`\`ts\nexport const retryPolicy = { attempts: ${random.int(2, 6)}, backoffMs: ${random.int(100, 900)} };\nawait queue.send({ id, attempt: 1 });\n\`\`\`` : '';
  const diagram = extra.diagram !== null ? `\n\n\`\`\`mermaid\n${flowchart(extra.diagram)}\n\`\`\`` : '';
  const sections = [
    ['Context', `${paragraph(random, 160)}\n\n${paragraph(random, 90)}${diagram}`],
    ['Decision', `${paragraph(random, 110)} The change lives in \`${extra.symbol}\`.${code}`],
    ['Consequences', `${paragraph(random, 90)}\n\n${bullets(random, 5)}`],
  ] as const;
  const body = sections.map(([name, text]) => `## ${name}\n\n${text}`).join('\n\n');
  const supersedes = extra.supersedes ? `\n\nSupersedes ${extra.supersedes}` : '';
  if (format === 'nygard') {
    const text = `# ${adr.number}. ${adr.title}\n\nDate: ${date}\n\n## Status\n\n${status}${supersedes}\n\n${body}\n`;
    return { text, body: `Date: ${date}\n\n## Status\n\n${status}${supersedes}\n\n${body}\n` };
  }
  if (format === 'madr') {
    const front = `---\nstatus: ${status.toLowerCase()}\ndate: ${date}\ndecision-makers: [Sian Morgan, Tom Okafor]\nconsulted: [Platform team]\ninformed: [Service desk]\n---\n\n`;
    const madrBody = `${supersedes.trim()}\n\n## Context and Problem Statement\n\n${paragraph(random, 150)}\n\n## Decision Drivers\n\n${bullets(random, 4)}\n\n## Considered Options\n\n${bullets(random, 3)}\n\n## Decision Outcome\n\n${paragraph(random, 120)} The change lives in \`${extra.symbol}\`.${code}${diagram}\n\n### Consequences\n\n${bullets(random, 5)}\n\n${paragraph(random, 60)}`;
    return { text: `${front}# ${adr.title}\n\n${madrBody}\n`, body: `${madrBody}\n` };
  }
  const head = `- Status: ${status.toLowerCase()}\n- Deciders: Helen Adeyemi, Daniel Price\n- Date: ${date}\n- Tags: ${random.pick(['security', 'operations', 'data', 'integration'])}`;
  const logBody = `${head}${supersedes}\n\n## Context and Problem Statement\n\n${paragraph(random, 170)}${diagram}\n\n## Decision Outcome\n\n${paragraph(random, 150)} The change lives in \`${extra.symbol}\`.${code}\n\n### Positive Consequences\n\n${bullets(random, 3)}\n\n### Negative Consequences\n\n${bullets(random, 3)}`;
  return { text: `# ${adr.title}\n\n${logBody}\n`, body: `${logBody}\n` };
}

function runbookText(random: Random, alert: string, extra: { adr: string; diagram: number | null }) {
  const runbookTitle = `${alert.replace(/([a-z])([A-Z])/g, '$1 $2')}`;
  const diagram = extra.diagram !== null ? `\n\n\`\`\`mermaid\n${flowchart(extra.diagram)}\n\`\`\`` : '';
  const body = `## Meaning\n\n${paragraph(random, 90)}\n\n## Impact\n\n${bullets(random, 4)}\n\n${paragraph(random, 60)}\n\n## Diagnosis\n\n${paragraph(random, 80)}${diagram}\n\n\`\`\`sh\nkubectl -n bench logs deploy/bench-api --since=15m | grep -c ' 5[0-9][0-9] '\nkubectl -n bench get pods -l app=bench-api\n\`\`\`\n\n\`\`\`promql\nsum(rate(http_requests_total{service="bench-api", status_code=~"5.."}[5m])) by (route)\n\`\`\`\n\n## Mitigation\n\n1. ${paragraph(random, 30)}\n2. ${paragraph(random, 30)}\n3. ${paragraph(random, 30)} See ${extra.adr}.\n\n${paragraph(random, 70)}\n\n## Escalation\n\n${paragraph(random, 60)}\n`;
  const front = `---\ntitle: ${runbookTitle}\nowner: "@example-council/bench-sre"\nlast_reviewed_on: ${isoDate(random)}\nreview_in: 6 months\nalerts: [${alert}]\n---\n\n`;
  return { text: `${front}# ${runbookTitle}\n\n${body}`, body, runbookTitle };
}

function alertRules(random: Random, alerts: string[]): string {
  const lines = ['# Alerting rules for bench-service.', 'groups:'];
  alerts.forEach((alert, index) => {
    if (index % 50 === 0) lines.push(`  - name: bench-service-${index / 50 + 1}`, '    rules:');
    lines.push(
      `      - alert: ${alert}`,
      `        expr: sum(rate(http_requests_total{service="bench-api", status_code=~"5.."}[5m])) > ${random.int(1, 20)}`,
      `        for: ${random.pick(['5m', '10m', '15m'])}`,
      '        labels:',
      `          severity: ${random.pick(['page', 'critical', 'ticket', 'warning'])}`,
      '        annotations:',
      `          summary: "${alert} is firing"`,
      `          runbook_url: ${REPO_URL}/blob/main/docs/runbooks/${alert}.md`,
    );
  });
  return `${lines.join('\n')}\n`;
}

function debtRegister(random: Random, rows: number, adrCount: number): string {
  const header = '| ID | Title | Status | Taken | Reason | Impact | Effort | Owner | Decision | Remediation |\n| -- | ----- | ------ | ----- | ------ | ------ | ------ | ----- | -------- | ----------- |';
  const lines = Array.from({ length: rows }, (_, index) => {
    const id = `TD-${String(index + 1).padStart(3, '0')}`;
    const decision = random.next() < 0.5 ? `ADR-${String(random.int(1, adrCount)).padStart(4, '0')}` : '-';
    return `| ${id} | ${title(random, index + 1)} | ${random.pick(['Open', 'Open', 'In progress', 'Accepted', 'Paid'])} | ${isoDate(random)} | ${paragraph(random, 12)} | ${random.pick(['High', 'Medium', 'Low'])}: ${paragraph(random, 10)} | ${random.pick(['S', 'M', 'L'])} | ${random.pick(['Sian Morgan', 'Tom Okafor', 'Daniel Price'])} | ${decision} | ${paragraph(random, 14)} |`;
  });
  return `# Technical debt register\n\n${paragraph(random, 60)}\n\n${header}\n${lines.join('\n')}\n`;
}

function tsModule(random: Random, names: string[]): string {
  return names.map((name, index) => {
    const doc = index % 5 === 4 ? '' : `/**\n * ${paragraph(random, 20)}\n *\n * @param input - ${paragraph(random, 8)}\n * @returns ${paragraph(random, 6)}\n */\n`;
    if (index % 6 === 5) return `${doc}export interface ${name[0]!.toUpperCase()}${name.slice(1)}Options {\n  /** ${paragraph(random, 8)} */\n  retries: number;\n  timeoutMs?: number;\n}\n`;
    return `${doc}export function ${name}(input: { id: string; attempts: number }): string {\n  return \`\${input.id}:\${input.attempts}\`;\n}\n`;
  }).join('\n');
}
