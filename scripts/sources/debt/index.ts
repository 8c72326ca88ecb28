import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DebtItem } from '../../model/schemas/debt.ts';
import { listingOf } from '../shared/repo-files.ts';
import type { Source } from '../types.ts';
import { itemsFromData, parseDebtMarkdown } from './parse-debt-log.ts';

/** Debt logs teams keep: a register file, a YAML/JSON log, or a folder with one file per item. */
const DEBT_FILES = [
  'TECH_DEBT.md', 'TECHNICAL_DEBT.md', 'TECH-DEBT.md', 'TECHNICAL-DEBT.md', 'DEBT.md',
  'docs/technical-debt.md', 'docs/tech-debt.md', 'docs/debt.md', 'docs/technical_debt.md', 'doc/technical-debt.md',
  'debt.yml', 'debt.yaml', 'debt.json', 'docs/debt.yml', 'docs/debt.yaml', 'docs/debt.json', 'tech-debt.yml', 'tech-debt.yaml',
  'docs/debt/**/*.{md,markdown,yml,yaml,json}', 'docs/technical-debt/**/*.{md,markdown}', 'docs/tech-debt/**/*.{md,markdown}',
];
const INDEX = /^(readme|index|_index)\.(md|markdown)$/i;

/** The technical debt log. */
export const debtSource: Source<DebtItem> = {
  kind: 'debt',
  async discover(context) {
    return (await listingOf(context).glob(DEBT_FILES, { caseSensitiveMatch: false, ignore: ['**/node_modules/**'] })).sort();
  },
  parse(file) {
    if (/\.(ya?ml|json)$/i.test(file.path)) {
      const diagnostics: Diagnostic[] = [];
      try {
        const value: unknown = file.path.endsWith('.json') ? JSON.parse(file.text) : parseYaml(file.text, { maxAliasCount: 100 });
        return { records: itemsFromData(value, file.path, diagnostics), diagnostics };
      } catch (error) {
        diagnostics.push(createDiagnostic({ file: file.path, line: (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1 }, {
          severity: 'error', code: 'debt/invalid-data', message: `The debt log is not valid ${file.path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`, hint: 'Fix the syntax at this line.',
        }));
        return { records: [], diagnostics };
      }
    }
    const inItemFolder = /(^|\/)(debt|technical-debt|tech-debt)\//i.test(path.posix.dirname(file.path) + '/');
    const fileName = file.path.split('/').pop() ?? '';
    if (/template/i.test(fileName)) return { records: [], diagnostics: [], skipped: 'debt item template' };
    return parseDebtMarkdown(file, inItemFolder && !INDEX.test(fileName));
  },
};
