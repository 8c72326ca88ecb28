import type { ReadinessRule } from '../rule.ts';

/** A threat model is kept with the service. */
export const threatModel: ReadinessRule = {
  id: 'threat-model',
  area: 'security',
  title: 'A threat model is kept with the service',
  severity: 'warning',
  hint: 'Write one (e.g. docs/security/threat-model.md, STRIDE per component, or an OWASP Threat Dragon file) and keep it beside the code; if the service has it elsewhere, add `threat-model` to `check.skip` and link it from the README.',
  evaluate({ model }) {
    const found = model.security.some((file) => file.type === 'threat-model');
    return { checked: 1, passed: found ? 1 : 0, findings: found ? [] : [{ message: 'No threat model was found (a file or folder named like "threat-model").', file: null }] };
  },
};
