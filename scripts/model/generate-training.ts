import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseGeneratedTraining } from '../sources/training/parse-training.ts';
import { rememberedFact } from '../sources/tree-identity.ts';
import type { Adr } from './schemas/adr.ts';
import type { Alert } from './schemas/alert.ts';
import type { ApiModule } from './schemas/api.ts';
import type { DebtItem } from './schemas/debt.ts';
import type { Runbook } from './schemas/runbook.ts';
import type { TrainingModule } from './schemas/training.ts';

interface Inputs {
  adrs: readonly Adr[];
  alerts: readonly Alert[];
  runbooks: readonly Runbook[];
  debt: readonly DebtItem[];
  apiModules: readonly ApiModule[];
  /** Titles of authored modules: a generated module whose topic they cover is left out. */
  authoredTitles: readonly string[];
  /** Parses a module's Markdown (a build passes one backed by its parse cache); default: parseGeneratedTraining. */
  parse?: (markdown: string, file: string) => Root;
}

/** Generated modules start after authored ones in the learning path. */
const FIRST_GENERATED_ORDER = 1000;

/**
 * Writes the modules every repo gets with no authoring: the architecture in its decisions, on
 * call (with a drill), the debt you inherit, and a tour of the API; each only when the repo has
 * the material and no authored module already covers the topic.
 */
export function generateTrainingModules(inputs: Inputs): TrainingModule[] {
  const covered = (pattern: RegExp) => inputs.authoredTitles.some((title) => pattern.test(title));
  const modules: { id: string; title: string; minutes: number; objectives: string[]; markdown: string }[] = [];
  const current = inputs.adrs.filter((adr) => adr.status === 'accepted' && adr.supersededBy.length === 0).slice(0, 10);
  if (current.length > 0 && !covered(/architecture|decisions?/i)) modules.push(architecture(current, inputs.adrs));
  const paged = inputs.alerts.filter((alert) => alert.runbook);
  if (paged.length > 0 && !covered(/on[- ]?call|incident|alerts?/i)) modules.push(onCall(inputs.alerts, inputs.runbooks));
  const open = inputs.debt.filter((item) => item.status !== 'paid');
  if (open.length > 0 && !covered(/debt/i)) modules.push(debt(open, inputs.adrs));
  if (inputs.apiModules.length > 0 && !covered(/\bapi\b|code tour/i)) modules.push(apiTour(inputs.apiModules));
  return modules.map((module, index) => {
    const file = `(generated) ${module.id}`;
    const tree = inputs.parse ? inputs.parse(module.markdown, file) : parseGeneratedTraining(module.markdown, file).tree;
    let quizzes = 0;
    let exercises = 0;
    for (const node of tree.children) {
      if (node.type === 'containerDirective' && node.name === 'quiz') quizzes += 1;
      if (node.type === 'containerDirective' && node.name === 'exercise') exercises += 1;
    }
    return {
      kind: 'training-module', id: module.id, title: module.title, order: FIRST_GENERATED_ORDER + index,
      duration: `${module.minutes}m`, minutes: module.minutes, audience: 'the receiving team', objectives: module.objectives, prerequisites: [],
      generated: true, quizzes, exercises, source: null, body: tree,
    };
  });
}

function architecture(current: readonly Adr[], all: readonly Adr[]) {
  const lines = [
    `These are the ${current.length} accepted decisions that still stand, oldest first. Read each summary, then open the ADR for its consequences.`,
    '',
    ...current.flatMap((adr) => [`## ${label(adr)}`, '', adr.summary ?? 'No summary.', '', `[Read the decision](site:adr/${adr.id}/)`, '']),
  ];
  const replaced = all.find((adr) => adr.supersededBy.length > 0);
  const successor = replaced ? all.find((adr) => adr.id === replaced.supersededBy[0]) : undefined;
  if (replaced && successor) {
    const others = all.filter((adr) => adr !== successor && adr !== replaced).slice(0, 2);
    lines.push('## Check', '', ':::quiz', `Which decision replaced "${plain(replaced.title)}"?`, '', ...shuffle([`- [x] ${label(successor)}`, ...others.map((adr) => `- [ ] ${label(adr)}`)], replaced.id), ':::', '');
  }
  return { id: 'architecture-in-decisions', title: `The architecture in ${current.length} decision${current.length === 1 ? '' : 's'}`, minutes: 5 + current.length * 3, objectives: ['Know the decisions that shape the service, and why they were taken', 'Know where to read the consequences of each'], markdown: lines.join('\n') };
}

function onCall(alerts: readonly Alert[], runbooks: readonly Runbook[]) {
  const byId = new Map(runbooks.map((runbook) => [runbook.id, runbook]));
  const bySeverity = new Map<string, Alert[]>();
  for (const alert of alerts) bySeverity.set(alert.severity ?? 'no severity', [...(bySeverity.get(alert.severity ?? 'no severity') ?? []), alert]);
  const lines = ['Every alert that can reach you, by severity, and the runbook to open when it fires.', ''];
  for (const [severity, group] of [...bySeverity].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## Severity: ${severity}`, '', ...group.map((alert) => `- \`${alert.name}\`: ${alert.summary ?? ''} ${alert.runbook ? `[Runbook: ${plain(byId.get(alert.runbook)?.title ?? alert.runbook)}](site:runbooks/${alert.runbook}/)` : '**No runbook.**'}`), '');
  }
  const drill = alerts.find((alert) => alert.runbook && /page|critical/i.test(alert.severity ?? '')) ?? alerts.find((alert) => alert.runbook);
  const runbook = drill?.runbook ? byId.get(drill.runbook) : undefined;
  if (drill && runbook) {
    lines.push('## Drill', '', ':::exercise', `\`${drill.name}\` has just fired${drill.summary ? `: "${plain(drill.summary)}"` : ''}. Without help, find its runbook and say what you would do first.`, ':::', '', ':::answer', `Open [${plain(runbook.title)}](site:runbooks/${runbook.id}/). Its first action: ${firstAction(runbook.body)}`, ':::', '');
    const others = runbooks.filter((other) => other.id !== runbook.id).slice(0, 2);
    if (others.length > 0) lines.push(':::quiz', `Which runbook covers \`${drill.name}\`?`, '', ...shuffle([`- [x] ${plain(runbook.title)}`, ...others.map((other) => `- [ ] ${plain(other.title)}`)], drill.id), ':::', '');
  }
  return { id: 'on-call', title: 'On call: alerts and their runbooks', minutes: 20 + Math.min(20, alerts.length * 2), objectives: ['Know which alerts page and which raise a ticket', 'Find the runbook for any alert, and its first action'], markdown: lines.join('\n') };
}

function debt(open: readonly DebtItem[], adrs: readonly Adr[]) {
  const byId = new Map(adrs.map((adr) => [adr.id, adr]));
  const lines = [`The team took on ${open.length} piece${open.length === 1 ? '' : 's'} of technical debt that you inherit. Each says why, what it costs, and what would pay it back.`, ''];
  for (const item of open) {
    lines.push(`## ${item.ref ? `${item.ref}: ` : ''}${plain(item.title)}`, '');
    if (item.reason) lines.push(`**Why it was taken:** ${plain(item.reason)}`, '');
    if (item.impact) lines.push(`**What it costs:** ${plain(item.impact)}`, '');
    if (item.remediation) lines.push(`**How to pay it back:** ${plain(item.remediation)}`, '');
    const adr = item.decision ? byId.get(item.decision) : undefined;
    lines.push(adr ? `Taken on in [${label(adr)}](site:adr/${adr.id}/). ` : '', `[The item in the register](site:debt/${item.id}/)`, '');
  }
  return { id: 'debt-you-inherit', title: 'The debt you inherit', minutes: 10 + open.length * 2, objectives: ['Know what is fragile, and why it was left that way', 'Know what would trigger paying each item back'], markdown: lines.join('\n') };
}

function apiTour(modules: readonly ApiModule[]) {
  const lines = ['A walk through the modules of the service\'s API, with the functions to read first.', ''];
  for (const module of modules) {
    const functions = module.members.filter((member) => member.kind === 'Function' && member.comment).slice(0, 3);
    lines.push(`## ${module.name}`, '', `${module.symbols} exported symbol${module.symbols === 1 ? '' : 's'}, ${module.documented} documented. [Open the module](site:api/${module.id}/)`, '');
    for (const member of functions) lines.push(`- [\`${member.name}\`](site:api/${module.id}/#${member.anchor}): ${plain(member.comment!.split('\n')[0]!)}`);
    lines.push('');
  }
  return { id: 'api-tour', title: 'A tour of the API', minutes: 10 + modules.length * 3, objectives: ['Know what each module of the code does', 'Know where to start reading when changing it'], markdown: lines.join('\n') };
}

/**
 * The first step of a runbook's Mitigation (else Diagnosis) section, in plain text, from its body.
 * Kept between runs, so a rebuild need not read an unchanged runbook's tree (`rememberedFact`).
 */
const firstAction = rememberedFact('runbook-first-action', (tree: Runbook['body']): string => {
  const children = tree.children;
  for (const section of [/mitigat|resolution|remediat|fix/i, /diagnos|investigat|troubleshoot/i]) {
    const start = children.findIndex((node) => node.type === 'heading' && section.test(toString(node)));
    if (start === -1) continue;
    for (const node of children.slice(start + 1)) {
      if (node.type === 'heading') break;
      const first = node.type === 'list' ? node.children[0] : node.type === 'paragraph' ? node : null;
      if (first) return plain(toString(first)).slice(0, 300);
    }
  }
  return 'follow its Diagnosis section from the top.';
});

function label(adr: Adr): string {
  return `${adr.number !== null ? `${adr.number}. ` : ''}${plain(adr.title)}`;
}

/** Text safe to put into generated Markdown: no directive, list or link syntax from the repo. */
function plain(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>{}:#|])/g, '\\$1').trim();
}

/** A stable "shuffle" (by a seed), so the right answer is not always first but builds stay the same. */
function shuffle<T>(items: T[], seed: string): T[] {
  const rotation = [...seed].reduce((sum, character) => sum + character.charCodeAt(0), 0) % items.length;
  return [...items.slice(rotation), ...items.slice(0, rotation)];
}
