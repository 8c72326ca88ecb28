import type { ReadinessRule } from '../rule.ts';

/** The service's significant decisions are written down as ADRs. */
export const adrsExist: ReadinessRule = {
  id: 'adrs-exist',
  area: 'decisions',
  title: 'Architecture decisions are recorded',
  severity: 'warning',
  hint: 'Run `handover init` to start docs/adr/, then `handover adr new "Title"` for each decision the receiving team must understand.',
  evaluate({ model }) {
    const found = model.adrs.length > 0;
    return { checked: 1, passed: found ? 1 : 0, findings: found ? [] : [{ message: 'No architecture decision records were found.', file: null, page: 'adr/' }] };
  },
};
