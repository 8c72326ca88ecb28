import type { Adr } from '../../model/schemas/adr.ts';
import type { Source } from '../types.ts';
import { discoverAdrs } from './discover-adrs.ts';
import { parseAdr } from './parse-adr.ts';

/** Files in an ADR folder that are not decisions: indexes, READMEs and the like. */
const NOT_A_DECISION = /^(readme|index|_.*|toc|summary|contents|table-of-contents)\.(md|mdx|markdown)$/i;
/** Files named like an index or overview, with no number (`adr-index.md`, `decision-log.md`). */
const INDEX_LIKE = /^[^\d.]*\b(index|readme|toc|log|list|overview)\.(md|mdx|markdown)$/i;
/**
 * Templates: "template" in a name with no ADR number, or number 0/000 or a placeholder
 * (`adr-template.md`, `0000-TEMPLATE.md`, `ADRXXX-template.md`). `0008-extension-template.md`
 * is a decision about templates.
 */
function isTemplate(fileName: string): boolean {
  if (!/template/i.test(fileName)) return false;
  const number = /^(?:adr)?[-_]?(\d+|x+)(?=[-_.])/i.exec(fileName)?.[1];
  return number === undefined || /^(0+|x+)$/i.test(number);
}

/** Architecture decision records. */
export const adrSource: Source<Adr> = {
  kind: 'adr',
  discover: discoverAdrs,
  parse(file) {
    const fileName = file.path.split('/').pop() ?? '';
    if (isTemplate(fileName)) return { records: [], diagnostics: [], skipped: 'ADR template' };
    if (NOT_A_DECISION.test(fileName) || INDEX_LIKE.test(fileName.replace(/[-_]/g, ' '))) {
      return { records: [], diagnostics: [], skipped: 'index or README of the ADR folder' };
    }
    return parseAdr(file);
  },
};
