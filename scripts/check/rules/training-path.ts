import type { ReadinessRule } from '../rule.ts';

/** The receiving team has a learning path written by the people who know the service. */
export const trainingPath: ReadinessRule = {
  id: 'training-path',
  area: 'training',
  title: 'A training path exists',
  severity: 'warning',
  hint: 'Write at least one module in docs/training/ (objectives, a walkthrough, a quiz or exercise); `handover init` starts one. Generated modules only summarise what the site already shows.',
  evaluate({ model }) {
    const authored = model.training.filter((module) => !module.generated).length;
    if (authored > 0) return { checked: 1, passed: 1, findings: [] };
    const message = model.training.length > 0
      ? 'The learning path has only generated modules; none is written by the team.'
      : 'There is no learning path for the receiving team.';
    return { checked: 1, passed: 0, findings: [{ message, file: null, page: 'training/' }] };
  },
};
