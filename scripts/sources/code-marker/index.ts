import { listingOf } from '../shared/repo-files.ts';
import type { CodeMarker } from '../../model/schemas/debt.ts';
import type { Source } from '../types.ts';
import { findMarkers, looksMinified } from './find-markers.ts';

/** Source files scanned for markers: the languages services are written and deployed in. */
const CODE_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,rb,go,java,kt,kts,scala,cs,php,rs,swift,ex,exs,erl,clj,sh,bash,tf,hcl,sql,css,scss,vue,svelte,yml,yaml,toml,dockerfile}', '**/Dockerfile'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.*/**', '**/*.min.*', '**/*.d.ts', '**/package-lock.json'];

/** TODO / FIXME / HACK / XXX comments and `@deprecated` tags in the service's code. */
export const codeMarkerSource: Source<CodeMarker> = {
  kind: 'code-marker',
  lenient: true,
  async discover(context) {
    return listingOf(context).files(CODE_FILES, IGNORED);
  },
  parse(file) {
    if (looksMinified(file.text)) return { records: [], diagnostics: [], skipped: 'minified or generated code' };
    const records = findMarkers(file.text, file.path);
    return records.length > 0 ? { records, diagnostics: [] } : { records: [], diagnostics: [], skipped: 'no debt markers' };
  },
};
