import type { Adr } from '../../model/schemas/adr.ts';
import type { Source } from '../types.ts';
import { discoverAdrs } from './discover-adrs.ts';
import { parseAdr } from './parse-adr.ts';

/** Files in an ADR folder that are not decisions: indexes, READMEs and templates. */
const NOT_A_DECISION = /^(readme|index|_.*|.*template.*|toc|summary|contents|table-of-contents)\.(md|mdx|markdown)$/i;
/** Unnumbered files named like an index or overview (`adr-index.md`, `decision-log.md`). */
const INDEX_LIKE = /^\D[^.]*\b(index|readme|toc|log|list|overview)\.(md|mdx|markdown)$/i;

/** Architecture decision records. */
export const adrSource: Source<Adr> = {
  kind: 'adr',
  discover: discoverAdrs,
  parse(file) {
    const fileName = file.path.split('/').pop() ?? '';
    if (NOT_A_DECISION.test(fileName) || INDEX_LIKE.test(fileName.replace(/[-_]/g, ' '))) {
      return { records: [], diagnostics: [], skipped: /template/i.test(fileName) ? 'ADR template' : 'index or README of the ADR folder' };
    }
    return parseAdr(file);
  },
};
