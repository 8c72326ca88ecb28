import { glob } from 'tinyglobby';
import type { SecurityFile } from '../../model/schemas/security.ts';
import { listingOf } from '../shared/repo-files.ts';
import type { Source } from '../types.ts';
import { classifySecurityFile, DEPENDENCY_UPDATE_FILES, THREAT_MODEL_GLOBS } from './classify-security-file.ts';

/**
 * Evidence of security basics for the readiness check: threat model documents and automated
 * dependency update configs. Only their presence matters; their contents are not read.
 */
export const securitySource: Source<SecurityFile> = {
  kind: 'security',
  // A threat model may be a PDF or a Word file: its presence is the record, not its text.
  presenceOnly: true,
  async discover(context) {
    const configs = await glob(Object.keys(DEPENDENCY_UPDATE_FILES), { cwd: context.repoRoot, dot: true, caseSensitiveMatch: true });
    const threatModels = await listingOf(context).files(THREAT_MODEL_GLOBS);
    return [...new Set([...configs, ...threatModels])].filter((file) => classifySecurityFile(file) !== null).sort();
  },
  parse(file) {
    const found = classifySecurityFile(file.path);
    if (!found) return { records: [], diagnostics: [], skipped: 'not a threat model or dependency update config' };
    return { records: [{ kind: 'security-file', id: file.path, path: file.path, ...found }], diagnostics: [] };
  },
};
