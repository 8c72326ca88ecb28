import type { Runbook } from '../../model/schemas/runbook.ts';
import type { Source } from '../types.ts';
import { discoverRunbooks } from './discover-runbooks.ts';
import { parseRunbook } from './parse-runbook.ts';

const INDEX = /^(_index|index|readme)(\.(html\.)?(md|mdx|markdown)(\.erb)?)?$/i;

/** Runbooks: what to do when an alert fires or a task comes up. */
export const runbookSource: Source<Runbook> = {
  kind: 'runbook',
  discover: discoverRunbooks,
  parse(file, context) {
    const fileName = file.path.split('/').pop() ?? '';
    if (INDEX.test(fileName)) return { records: [], diagnostics: [], skipped: 'index or README of the runbook folder' };
    if (/template/i.test(fileName)) return { records: [], diagnostics: [], skipped: 'runbook template' };
    if (!fileName.includes('.')) {
      // A file with no extension is read only when it looks like Markdown and has no `.md` twin
      // (static site generators do not publish it; it is usually a stray copy).
      if (context.discovered?.has(`${file.path}.md`)) return { records: [], diagnostics: [], skipped: `copy of ${fileName}.md without an extension` };
      if (!/^(#|---\s*$)/m.test(file.text.slice(0, 200))) return { records: [], diagnostics: [], skipped: 'not Markdown (no extension)' };
    }
    return parseRunbook(file);
  },
};
