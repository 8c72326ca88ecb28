import { eachRecord, type ReadinessRule } from '../rule.ts';

/** Every unpaid debt item says what it costs, so the receiving team can prioritise. */
export const debtHasImpact: ReadinessRule = {
  id: 'debt-has-impact',
  area: 'debt',
  title: 'Debt items state their impact',
  severity: 'warning',
  hint: 'Fill in the Impact column (or `impact:`) with what the debt costs, starting with High, Medium or Low.',
  evaluate({ model }) {
    const unpaid = model.debt.filter((item) => item.status !== 'paid');
    return eachRecord(unpaid, (item) => !item.impact, (item) => ({ message: `Debt item ${item.ref ?? `"${item.title}"`} does not say what it costs.`, file: item.source.path, line: item.source.line, page: `debt/${item.id}/` }));
  },
};
