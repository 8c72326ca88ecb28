import { eachRecord, type ReadinessRule } from '../rule.ts';

/** Every unpaid debt item has someone who owns paying it back. */
export const debtHasOwner: ReadinessRule = {
  id: 'debt-has-owner',
  area: 'debt',
  title: 'Debt items have an owner',
  severity: 'warning',
  hint: 'Fill in the Owner column (or `owner:`) with the person or team who will pay it back after the handover.',
  evaluate({ model }) {
    const unpaid = model.debt.filter((item) => item.status !== 'paid');
    return eachRecord(unpaid, (item) => !item.owner, (item) => ({ message: `Debt item ${item.ref ?? `"${item.title}"`} has no owner.`, file: item.source.path, line: item.source.line, page: `debt/${item.id}/` }));
  },
};
