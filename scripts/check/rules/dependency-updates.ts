import type { ReadinessRule } from '../rule.ts';

/** Dependencies are kept up to date by a bot, not by memory. */
export const dependencyUpdates: ReadinessRule = {
  id: 'dependency-updates',
  area: 'security',
  title: 'Automated dependency updates are configured',
  severity: 'warning',
  hint: 'Add .github/dependabot.yml or renovate.json so security fixes in dependencies arrive as pull requests.',
  evaluate({ model }) {
    const found = model.security.some((file) => file.type === 'dependency-updates');
    return { checked: 1, passed: found ? 1 : 0, findings: found ? [] : [{ message: 'No Dependabot or Renovate configuration was found.', file: null }] };
  },
};
