import type { ReadinessRule } from '../rule.ts';

/** Names of undocumented symbols shown in a finding before "and N more". */
const LISTED = 5;

/** Exported API symbols carry doc comments, module by module, above the configured share. */
export const apiDocumented: ReadinessRule = {
  id: 'api-documented',
  area: 'api',
  title: 'The exported API is documented',
  severity: 'warning',
  hint: 'Add a /** doc comment */ to each exported symbol listed, saying what it is for and anything surprising about it.',
  evaluate({ model, config }) {
    const threshold = config.check.apiCoverage;
    const symbols = model.apiModules.reduce((sum, module) => sum + module.symbols, 0);
    const documented = model.apiModules.reduce((sum, module) => sum + module.documented, 0);
    const findings = model.apiModules
      .filter((module) => module.symbols > 0 && (module.documented / module.symbols) * 100 < threshold)
      .map((module) => {
        const undocumented = module.members.filter((member) => member.comment === null).map((member) => member.name);
        const listed = undocumented.slice(0, LISTED).join(', ') + (undocumented.length > LISTED ? ` and ${undocumented.length - LISTED} more` : '');
        return {
          message: `Module ${module.name} documents ${module.documented} of ${module.symbols} exported symbols (${Math.floor((module.documented / module.symbols) * 100)}%, below ${threshold}%); undocumented: ${listed}.`,
          file: module.source.path,
          line: module.source.line,
          page: `api/${module.id}/`,
        };
      });
    return { checked: symbols, passed: documented, findings };
  },
};
