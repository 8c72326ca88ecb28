import { eachRecord, type ReadinessRule } from '../rule.ts';

/** A superseded ADR links to the decision that replaced it. */
export const supersededNamesSuccessor: ReadinessRule = {
  id: 'superseded-names-successor',
  area: 'decisions',
  title: 'Superseded ADRs name their successor',
  severity: 'error',
  hint: 'Change the status to "Superseded by [N. Title](NNNN-title.md)" with a link to the ADR that replaced it (`handover adr new --supersedes N` does both sides).',
  evaluate({ model }) {
    const superseded = model.adrs.filter((adr) => adr.status === 'superseded');
    return eachRecord(superseded, (adr) => adr.supersededBy.length === 0, (adr) => ({ message: `ADR "${adr.title}" is superseded but does not say by which ADR.`, file: adr.source.path, line: adr.source.line, page: `adr/${adr.id}/` }));
  },
};
