import { configFileOf, type ReadinessRule } from '../rule.ts';

/** The outcomes the service is measured by are written down. */
export const outcomesDefined: ReadinessRule = {
  id: 'outcomes-defined',
  area: 'outcomes',
  title: 'The outcomes the service is measured by are written down',
  severity: 'warning',
  hint: 'Add `outcomes:` to handover.config.yaml: for each, a `name`, the `measure` with its target, and a `dashboard` link.',
  evaluate(context) {
    const found = context.model.outcomes.length > 0;
    return { checked: 1, passed: found ? 1 : 0, findings: found ? [] : [{ message: 'No outcomes are written down, so the receiving team cannot tell whether the service is doing its job.', file: configFileOf(context) }] };
  },
};
