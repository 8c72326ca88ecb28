import type { Severity } from '../diagnostics/diagnostic.ts';
import type { ReadinessArea, ReadinessFinding, ReadinessReport, ReadinessRuleResult } from '../model/schemas/readiness.ts';
import type { CheckContext, ReadinessRule } from './rule.ts';
import { AREAS, RULES } from './rules/index.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What the check made of a service: the report, and config mistakes worth a warning. */
export interface CheckResult {
  report: ReadinessReport;
  /** Ids in `check.skip` that name no rule (a typo would otherwise silently skip nothing). */
  unknownSkips: string[];
}

/**
 * Runs every readiness rule over the model and scores it: a rule scores the share of what it
 * checked that passed; an area, the mean of its rules that had something to check; the service,
 * the mean of its areas. Pure: the same model gives the same report.
 */
export function runChecks(context: CheckContext, rules: readonly ReadinessRule[] = RULES): CheckResult {
  const skip = new Set(context.config.check.skip);
  const findings: ReadinessFinding[] = [];
  const results = new Map<string, ReadinessRuleResult>();
  for (const rule of rules) {
    if (skip.has(rule.id)) {
      results.set(rule.id, { id: rule.id, title: rule.title, severity: rule.severity, score: null, checked: 0, passed: 0, skipped: true });
      continue;
    }
    const { checked, passed, findings: drafts } = rule.evaluate(context);
    results.set(rule.id, { id: rule.id, title: rule.title, severity: rule.severity, score: checked === 0 ? null : Math.floor((passed / checked) * 100), checked, passed, skipped: false });
    for (const draft of drafts) {
      findings.push({ rule: rule.id, area: rule.area, severity: draft.severity ?? rule.severity, message: draft.message, hint: draft.hint ?? rule.hint, file: draft.file, line: draft.line ?? null, page: draft.page ?? null });
    }
  }
  const areas: ReadinessArea[] = AREAS.map((area) => {
    const areaRules = rules.filter((rule) => rule.area === area.id).map((rule) => results.get(rule.id)!);
    return { ...area, score: mean(areaRules.map((rule) => rule.score)), rules: areaRules };
  }).filter((area) => area.rules.length > 0);
  const areaOrder = AREAS.map((area) => area.id);
  const ruleOrder = rules.map((rule) => rule.id);
  findings.sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule) ||
    a.message.localeCompare(b.message));
  const known = new Set(rules.map((rule) => rule.id));
  return {
    report: { version: 1, service: context.model.service.name, date: context.today, score: mean(areas.map((area) => area.score)), areas, findings },
    unknownSkips: [...skip].filter((id) => !known.has(id)).sort(),
  };
}

/** Rounded-down mean of the scores that apply, or null when none does. */
function mean(scores: (number | null)[]): number | null {
  const applicable = scores.filter((score): score is number => score !== null);
  return applicable.length === 0 ? null : Math.floor(applicable.reduce((sum, score) => sum + score, 0) / applicable.length);
}
