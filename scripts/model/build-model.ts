import type { Root } from 'mdast';
import path from 'node:path';
import type { HandoverConfig } from '../config/schema.ts';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { ownersOf } from '../sources/ownership/codeowners.ts';
import type { CodeownersFile } from '../sources/ownership/index.ts';
import type { ServiceFact } from '../sources/service/service-fact.ts';
import { linkAdrs } from './link-adrs.ts';
import { generateTrainingModules } from './generate-training.ts';
import { linkDebt } from './link-debt.ts';
import { planSessions } from './plan-sessions.ts';
import type { HandoverSession } from './schemas/session.ts';
import { linkOperations } from './link-operations.ts';
import { reviewDueDate, reviewStateOn } from './review-state.ts';
import { releaseHistory, resolveRelease } from './resolve-release.ts';
import type { GitReleaseFacts } from '../sources/release/read-git-release.ts';
import type { Release, ReleaseNotes } from './schemas/release.ts';
import type { Adr } from './schemas/adr.ts';
import type { Alert } from './schemas/alert.ts';
import type { ApiModule } from './schemas/api.ts';
import type { CodeMarker, DebtItem } from './schemas/debt.ts';
import type { Outcome } from './schemas/outcome.ts';
import type { Runbook } from './schemas/runbook.ts';
import type { SecurityFile } from './schemas/security.ts';
import type { Service } from './schemas/service.ts';
import type { TrainingModule } from './schemas/training.ts';
import { uniqueIds } from './unique-ids.ts';

/** Everything the site shows, with links between records resolved. */
export interface HandoverModel {
  service: Service;
  adrs: Adr[];
  runbooks: Runbook[];
  alerts: Alert[];
  debt: DebtItem[];
  codeMarkers: CodeMarker[];
  apiModules: ApiModule[];
  /** The learning path: authored modules in order, then generated ones. */
  training: TrainingModule[];
  /** Formal handover sessions from the config. */
  sessions: HandoverSession[];
  /** The release built (version, commit, date), stamped on every page. */
  release: Release;
  /** The release history, newest first: from the changelog, else from git tags. */
  releases: ReleaseNotes[];
  /** What the service is measured by, from the config. */
  outcomes: Outcome[];
  /** Threat models and dependency update configs found. */
  security: SecurityFile[];
}

/** Records from every source, grouped by kind, as the sources produced them. */
export interface SourceRecords {
  adr: Adr[];
  service: ServiceFact[];
  runbook: Runbook[];
  alert: Alert[];
  ownership: CodeownersFile[];
  debt: DebtItem[];
  'code-marker': CodeMarker[];
  training: TrainingModule[];
  /** Releases read from the changelog. */
  release: ReleaseNotes[];
  security: SecurityFile[];
}

/** Facts from outside the files: the build's date and git history. */
export interface ModelInputs {
  /** ISO date the build counts as today (review states depend on it). */
  today: string;
  /** Date of the last commit touching each repo path, when the repo has git history. */
  lastCommitDates: ReadonlyMap<string, string>;
  /** Date each code marker's line was last changed (`path:line` -> ISO date), from git blame. */
  markerDates: ReadonlyMap<string, string>;
  /** The API reference, documented by TypeDoc over the whole program. */
  apiModules: ApiModule[];
  /** The commit built, or null. */
  commit: string | null;
  /** HEAD's commit, date and tags, and the tag history, from git (absent: no git). */
  gitRelease?: GitReleaseFacts;
  /** The config file read (for diagnostics about it), and the line a text first appears on. */
  configFile?: string | null;
  configLine?: (text: string) => number | null;
  /** Parses a generated training module's Markdown (a build passes one backed by its parse cache). */
  parseGenerated?: (markdown: string, file: string) => Root;
}

/** Builds the linked model from source records, the config and outside facts; pure. */
export function buildModel(records: SourceRecords, config: HandoverConfig, repoRoot: string, inputs: ModelInputs): { model: HandoverModel; diagnostics: Diagnostic[] } {
  const { adrs, diagnostics } = linkAdrs(records.adr);
  if (adrs.length === 0) {
    diagnostics.push(createDiagnostic({ file: null }, {
      severity: 'info',
      code: 'adr/none-found',
      message: 'No architecture decision records were found.',
      hint: 'Handover looks in docs/adr, docs/decisions, docs/architecture/decisions and other usual folders (see the README); set `adr.paths` in handover.config.yaml to point at yours.',
    }));
  }
  const codeowners = records.ownership[0] ?? null;
  const service = { ...buildService(records.service, config, repoRoot, codeowners), commit: inputs.commit };
  const uniqueRunbooks = uniqueIds(records.runbook, 'runbook');
  const uniqueTraining = uniqueIds(records.training, 'training');
  diagnostics.push(...uniqueRunbooks.diagnostics, ...uniqueTraining.diagnostics);
  const operations = linkOperations(records.alert, uniqueRunbooks.records, { urlPattern: config.runbooks.urlPattern ?? null, repoUrl: service.repoUrl });
  diagnostics.push(...operations.diagnostics);
  const runbooks = operations.runbooks.map((runbook) => completeRunbook(runbook, config, codeowners, inputs)).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const debt = linkDebt(records.debt, adrs, records['code-marker'], inputs.markerDates);
  diagnostics.push(...debt.diagnostics);
  const training = learningPath(uniqueTraining.records, config, { adrs, alerts: operations.alerts, runbooks, debt: debt.items, apiModules: inputs.apiModules, parse: inputs.parseGenerated });
  const { sessions, unknownModules } = planSessions(config, training);
  for (const { session, module } of unknownModules) {
    diagnostics.push(createDiagnostic({ file: inputs.configFile ?? null, line: inputs.configLine?.(module) ?? null }, {
      severity: 'warning',
      code: 'session/unknown-module',
      message: `Session "${session}" names the training module "${module}", which does not exist; it is left out of the session.`,
      hint: `Use a module id from the learning path: ${training.map((item) => item.id).join(', ')}.`,
    }));
  }
  const release = resolveRelease(inputs.gitRelease, service.version, inputs.today);
  const releases = releaseHistory(records.release, inputs.gitRelease);
  return { model: { service, adrs, runbooks, alerts: operations.alerts, debt: debt.items, codeMarkers: debt.markers, apiModules: inputs.apiModules, training, sessions, release, releases, outcomes: outcomesOf(config, inputs), security: records.security }, diagnostics };
}

/** The config's outcomes, with the line each is written on. */
function outcomesOf(config: HandoverConfig, inputs: ModelInputs): Outcome[] {
  return config.outcomes.map((outcome) => {
    const line = inputs.configFile ? inputs.configLine?.(outcome.name) ?? null : null;
    return { kind: 'outcome', name: outcome.name, measure: outcome.measure ?? null, dashboard: outcome.dashboard ?? null, source: inputs.configFile && line ? { path: inputs.configFile, line } : null };
  });
}

/** Authored modules by their `order` (then title), then the generated ones they leave uncovered. */
function learningPath(authored: TrainingModule[], config: HandoverConfig, model: Omit<Parameters<typeof generateTrainingModules>[0], 'authoredTitles'>): TrainingModule[] {
  const ordered = [...authored].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title));
  const generated = config.training.generate ? generateTrainingModules({ ...model, authoredTitles: ordered.map((module) => module.title) }) : [];
  const ids = new Set(ordered.map((module) => module.id));
  return [...ordered, ...generated.filter((module) => !ids.has(module.id))];
}

/** Adds what the runbook file does not say: owner from CODEOWNERS, review date from git, state. */
function completeRunbook(runbook: Runbook, config: HandoverConfig, codeowners: CodeownersFile | null, inputs: ModelInputs): Runbook {
  const codeOwners = codeowners ? ownersOf(codeowners.rules, runbook.source.path) : [];
  const owner = runbook.owner ?? (codeOwners.length > 0 ? codeOwners.join(', ') : null);
  const gitDate = inputs.lastCommitDates.get(runbook.source.path) ?? null;
  const lastReviewed = runbook.lastReviewed ?? gitDate;
  const reviewDue = reviewDueDate(lastReviewed, runbook.reviewIn, runbook.reviewDue, config.runbooks.reviewPeriod);
  return {
    ...runbook,
    owner,
    ownerSource: runbook.owner ? runbook.ownerSource : codeOwners.length > 0 ? 'codeowners' : null,
    lastReviewed,
    lastReviewedSource: runbook.lastReviewed ? 'front-matter' : gitDate ? 'git' : null,
    reviewDue,
    reviewState: reviewStateOn(reviewDue, inputs.today),
  };
}

function buildService(facts: ServiceFact[], config: HandoverConfig, repoRoot: string, codeowners: CodeownersFile | null): Service {
  const packageFact = facts.find((fact) => fact.kind === 'package');
  const readme = facts.find((fact) => fact.kind === 'readme');
  const remote = facts.find((fact) => fact.kind === 'git-remote');
  const head = facts.find((fact) => fact.kind === 'git-head');
  return {
    kind: 'service',
    id: 'service',
    name: config.service.name ?? packageFact?.name ?? path.basename(path.resolve(repoRoot)),
    version: packageFact?.version ?? null,
    description: config.service.description ?? packageFact?.description ?? null,
    repoUrl: config.service.repoUrl?.replace(/\/$/, '') ?? packageFact?.repoUrl ?? remote?.repoUrl ?? null,
    branch: config.service.branch ?? head?.branch ?? 'main',
    commit: null,
    readmePath: readme?.path ?? null,
    readme: readme?.body ?? null,
    contacts: config.contacts,
    codeowners: codeowners ? { path: codeowners.path, rules: codeowners.rules.map(({ pattern, owners }) => ({ pattern, owners })) } : null,
  };
}
