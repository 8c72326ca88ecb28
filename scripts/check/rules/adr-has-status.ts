import { eachRecord, type ReadinessRule } from '../rule.ts';

/** Every ADR says whether it is proposed, accepted, superseded... */
export const adrHasStatus: ReadinessRule = {
  id: 'adr-has-status',
  area: 'decisions',
  title: 'ADRs have a status',
  severity: 'error',
  hint: 'Add a `## Status` section (or `status:` front matter) saying Proposed, Accepted, Rejected, Deprecated or Superseded.',
  evaluate({ model }) {
    return eachRecord(model.adrs, (adr) => adr.status === null, (adr) => ({ message: `ADR "${adr.title}" has no status.`, file: adr.source.path, line: adr.source.line, page: `adr/${adr.id}/` }));
  },
};
