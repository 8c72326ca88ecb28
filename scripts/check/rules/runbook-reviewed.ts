import type { ReadinessRule } from '../rule.ts';

/** Runbooks have been reviewed within their review period. */
export const runbookReviewed: ReadinessRule = {
  id: 'runbook-reviewed',
  area: 'operations',
  title: 'Runbooks are reviewed within their review period',
  severity: 'warning',
  hint: 'Walk through the runbook against the live service, fix what changed, and set `last_reviewed_on:` in its front matter to the date of the review.',
  evaluate({ model, config }) {
    const findings = model.runbooks.flatMap((runbook) => {
      const where = { file: runbook.source.path, line: 1, page: `runbooks/${runbook.id}/` };
      if (runbook.reviewState === 'overdue') {
        return [{ ...where, message: `Runbook "${runbook.title}" was due for review on ${runbook.reviewDue} (last reviewed ${runbook.lastReviewed}).` }];
      }
      if (runbook.reviewState === 'unknown') {
        return [{ ...where, message: `Runbook "${runbook.title}" has no review date, so nobody can tell whether it still works.`, hint: `Add \`last_reviewed_on: YYYY-MM-DD\` to its front matter (reviews last ${config.runbooks.reviewPeriod} unless \`review_in\` says otherwise).` }];
      }
      return [];
    });
    return { checked: model.runbooks.length, passed: model.runbooks.length - findings.length, findings };
  },
};
