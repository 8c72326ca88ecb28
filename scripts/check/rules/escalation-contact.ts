import { configFileOf, type ReadinessRule } from '../rule.ts';

/** Roles that say who to call when something is on fire. */
const ESCALATION_ROLE = /escalat|on[\s-]?call|incident|pager|support|out of hours/i;

/** There is an escalation or on-call contact, for when the runbook is not enough. */
export const escalationContact: ReadinessRule = {
  id: 'escalation-contact',
  area: 'ownership',
  title: 'An escalation contact is named',
  severity: 'warning',
  hint: 'Add a contact with `role: escalation` (or `on-call`) to `contacts:` in handover.config.yaml, with a phone, Slack channel or rota URL.',
  evaluate(context) {
    const found = context.model.service.contacts.some((contact) => ESCALATION_ROLE.test(contact.role));
    return { checked: 1, passed: found ? 1 : 0, findings: found ? [] : [{ message: 'No escalation or on-call contact is named.', file: configFileOf(context) }] };
  },
};
