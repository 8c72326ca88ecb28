import { configFileOf, type ReadinessRule } from '../rule.ts';

/** Someone is named as owning the service: a contact in the config, or CODEOWNERS. */
export const ownerContact: ReadinessRule = {
  id: 'owner-contact',
  area: 'ownership',
  title: 'An owner of the service is named',
  severity: 'error',
  hint: 'Add `contacts:` to handover.config.yaml with at least the owning team (role, name and how to reach them), or a CODEOWNERS file.',
  evaluate(context) {
    const { service } = context.model;
    const named = service.contacts.length > 0 || (service.codeowners?.rules.some((rule) => rule.owners.length > 0) ?? false);
    return { checked: 1, passed: named ? 1 : 0, findings: named ? [] : [{ message: 'Nobody is named as owning the service: there are no contacts and no CODEOWNERS.', file: configFileOf(context) }] };
  },
};
