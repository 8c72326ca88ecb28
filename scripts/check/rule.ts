import type { HandoverConfig } from '../config/schema.ts';
import type { Severity } from '../diagnostics/diagnostic.ts';
import type { HandoverModel } from '../model/build-model.ts';
import type { ReadinessAreaId } from '../model/schemas/readiness.ts';

/** What every rule can read: the model, the config, and where the config lives. */
export interface CheckContext {
  model: HandoverModel;
  config: HandoverConfig;
  /** The config file's repo-relative path, or null when the repo has none. */
  configFile: string | null;
  /** The build's date (review states depend on it). */
  today: string;
}

/** A finding as a rule reports it; the rule's id, area and defaults are added by the runner. */
export interface FindingDraft {
  message: string;
  file: string | null;
  line?: number | null;
  /** Site page showing the record (`runbooks/x/`). */
  page?: string | null;
  /** Defaults to the rule's severity. */
  severity?: Severity;
  /** Defaults to the rule's hint. */
  hint?: string;
}

/** What a rule found: how many things it looked at, how many passed, and what to fix. */
export interface RuleEvaluation {
  checked: number;
  passed: number;
  findings: FindingDraft[];
}

/** One readiness rule: a stable id, an area, a severity and a fix, over the model. Pure. */
export interface ReadinessRule {
  id: string;
  area: ReadinessAreaId;
  /** What a ready service has, e.g. "Every alert has a runbook". */
  title: string;
  severity: Severity;
  /** How to fix a finding, in one or two sentences. */
  hint: string;
  evaluate(context: CheckContext): RuleEvaluation;
}

/** Where to point a finding about the config: the config file, or the one to create. */
export function configFileOf(context: CheckContext): string {
  return context.configFile ?? 'handover.config.yaml';
}

/** The evaluation of a rule that checks each record for one thing: a finding per record lacking it. */
export function eachRecord<TRecord>(records: readonly TRecord[], lacks: (record: TRecord) => boolean, finding: (record: TRecord) => FindingDraft): RuleEvaluation {
  const lacking = records.filter(lacks);
  return { checked: records.length, passed: records.length - lacking.length, findings: lacking.map(finding) };
}
