import { eachRecord, type ReadinessRule } from '../rule.ts';

/** Every alert leads to a runbook here, or to one published elsewhere. */
export const alertHasRunbook: ReadinessRule = {
  id: 'alert-has-runbook',
  area: 'operations',
  title: 'Every alert has a runbook',
  severity: 'error',
  hint: 'Write a runbook in docs/runbooks/ and point the rule\'s `annotations.runbook_url` at it (or list the alert in the runbook\'s front matter `alerts:`).',
  evaluate({ model }) {
    return eachRecord(model.alerts, (alert) => !alert.runbook && alert.runbookResolution !== 'external', (alert) => ({
      message: alert.runbookResolution === 'not-found'
        ? `Alert ${alert.name} links to a runbook that does not exist (${alert.runbookUrl}).`
        : `Alert ${alert.name} has no runbook.`,
      file: alert.source.path,
      line: alert.source.line,
      page: `alerts/#${alert.id}`,
    }));
  },
};
