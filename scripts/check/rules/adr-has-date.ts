import { eachRecord, type ReadinessRule } from '../rule.ts';

/** Every ADR says when it was decided. */
export const adrHasDate: ReadinessRule = {
  id: 'adr-has-date',
  area: 'decisions',
  title: 'ADRs have a date',
  severity: 'warning',
  hint: 'Add `Date: YYYY-MM-DD` under the title (or `date:` front matter) with the day the decision was made.',
  evaluate({ model }) {
    return eachRecord(model.adrs, (adr) => adr.date === null, (adr) => ({ message: `ADR "${adr.title}" has no date.`, file: adr.source.path, line: adr.source.line, page: `adr/${adr.id}/` }));
  },
};
