import { configFileOf, type ReadinessRule } from '../rule.ts';

/** Each outcome says how it is measured and where to see it. */
export const outcomeIsMeasured: ReadinessRule = {
  id: 'outcome-is-measured',
  area: 'outcomes',
  title: 'Each outcome has a measure and a dashboard',
  severity: 'warning',
  hint: 'Give the outcome a `measure` (what is counted and the target) and a `dashboard` URL where it can be seen now.',
  evaluate(context) {
    const { outcomes } = context.model;
    const findings = outcomes.flatMap((outcome) => {
      const missing = [outcome.measure ? null : 'measure', outcome.dashboard ? null : 'dashboard link'].filter(Boolean);
      return missing.length === 0 ? [] : [{ message: `Outcome "${outcome.name}" has no ${missing.join(' and no ')}.`, file: outcome.source?.path ?? configFileOf(context), line: outcome.source?.line ?? null, page: 'readiness/#outcomes' }];
    });
    return { checked: outcomes.length, passed: outcomes.length - findings.length, findings };
  },
};
