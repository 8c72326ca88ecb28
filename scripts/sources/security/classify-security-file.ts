import path from 'node:path';
import type { SecurityFile } from '../../model/schemas/security.ts';

/** Where Dependabot and Renovate read their configuration (Renovate's documented list). */
export const DEPENDENCY_UPDATE_FILES: Record<string, string> = {
  '.github/dependabot.yml': 'dependabot',
  '.github/dependabot.yaml': 'dependabot',
  'renovate.json': 'renovate',
  'renovate.json5': 'renovate',
  '.renovaterc': 'renovate',
  '.renovaterc.json': 'renovate',
  '.renovaterc.json5': 'renovate',
  '.github/renovate.json': 'renovate',
  '.github/renovate.json5': 'renovate',
  '.gitlab/renovate.json': 'renovate',
  '.gitlab/renovate.json5': 'renovate',
};

/** Document formats a threat model is written in, including the tools' own files. */
const THREAT_MODEL_EXTENSIONS = ['md', 'markdown', 'mdx', 'txt', 'adoc', 'rst', 'html', 'pdf', 'docx', 'json', 'yaml', 'yml', 'tm7'];

/** Globs for threat models anywhere in the repo: named so, or inside a folder named so. */
export const THREAT_MODEL_GLOBS = [
  `**/*threat*model*.{${THREAT_MODEL_EXTENSIONS.join(',')}}`,
  `**/*threat*model*/**/*.{${THREAT_MODEL_EXTENSIONS.join(',')}}`,
];

const THREAT_MODEL_NAME = /threat[\s_.-]?model/i;

/** What a discovered file is evidence of, or null when it is neither; pure. */
export function classifySecurityFile(repoPath: string): Omit<SecurityFile, 'kind' | 'id' | 'path'> | null {
  const tool = DEPENDENCY_UPDATE_FILES[repoPath];
  if (tool) return { type: 'dependency-updates', tool };
  if (!repoPath.split('/').some((segment) => THREAT_MODEL_NAME.test(segment))) return null;
  const extension = path.extname(repoPath).slice(1).toLowerCase();
  if (!THREAT_MODEL_EXTENSIONS.includes(extension)) return null;
  // OWASP Threat Dragon saves JSON; Microsoft's Threat Modeling Tool saves .tm7.
  return { type: 'threat-model', tool: extension === 'tm7' ? 'microsoft-tmt' : extension === 'json' ? 'threat-dragon' : null };
}
