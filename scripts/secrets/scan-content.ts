import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HandoverConfig } from '../config/schema.ts';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { codeHash, hashParts, KeyedCache } from '../cache/keyed-cache.ts';
import { findAllowance } from './allow-list.ts';
import { lineOfSecret } from './locate-secret.ts';
import { scanText, shortRuleId, type RawSecretFinding } from './secret-scanner.ts';

const require = createRequire(import.meta.url);

/** The result of scanning everything a build is about to publish. */
export interface SecretScan {
  /** Secrets not allowed by `secrets.allow`: the build must not publish. */
  blocking: Diagnostic[];
  /** Findings `secrets.allow` covers, as notes. */
  allowed: Diagnostic[];
  /** The secrets' texts, only so that output can be masked; never print or write them. */
  secrets: string[];
}

export interface ScanInputs {
  /** Generated text files by content path (MDX pages, JSON data), as emit returns them. */
  files: ReadonlyMap<string, string>;
  /** Other text about to be published or printed (the build report), by name. */
  extra: ReadonlyMap<string, string>;
  /** The repo file each page shows (content path -> repo path), as emit returns it. */
  sources: ReadonlyMap<string, string>;
  config: HandoverConfig;
  repoRoot: string;
  /** Every repo file the sources read, searched for a secret whose page has no single source. */
  repoFiles: readonly string[];
  /** Texts found clean by earlier scans (see `openCleanTextCache`); default: none. */
  clean?: KeyedCache<true>;
}

/**
 * Hashes of texts an earlier build scanned and found clean, in the work dir (hashes only, never a
 * text). Only clean texts are remembered: a text with a finding is scanned again every build.
 */
export function openCleanTextCache(cacheDir: string | null): Promise<KeyedCache<true>> {
  const versions = ['@secretlint/core', '@secretlint/secretlint-rule-preset-recommend'].map((name) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version);
  return KeyedCache.open<true>(cacheDir, 'handover-secrets-clean.json', hashParts(['1', codeHash(['secrets']), ...versions]));
}

/**
 * Scans the generated content (and the report) with secretlint's recommended rules, and names
 * for each finding the repo file and line it comes from and the kind of secret, never the secret.
 */
export async function scanContent(inputs: ScanInputs): Promise<SecretScan> {
  const { sources } = inputs;
  const texts = new Map<string, string | null>();
  const readRepoFile = async (file: string) => {
    if (!texts.has(file)) texts.set(file, await readFile(path.join(inputs.repoRoot, file), 'utf8').catch(() => null));
    return texts.get(file) ?? null;
  };
  const scan: SecretScan = { blocking: [], allowed: [], secrets: [] };
  const seen = new Set<string>();
  for (const [name, text] of [...inputs.files, ...inputs.extra]) {
    if (!/\.(mdx?|json|ya?ml|txt|html|svg)$/i.test(name)) continue;
    const key = hashParts([name, text]);
    if (inputs.clean?.get(key)) continue;
    const findings = await scanText(text, name);
    if (findings.length === 0) inputs.clean?.set(key, true);
    for (const finding of findings) {
      const where = await locate(finding, sources.get(name) ?? null, inputs.repoFiles, readRepoFile);
      const key = `${where.file ?? name}:${where.line}:${finding.ruleId}:${finding.match}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scan.secrets.push(finding.match);
      const allowance = findAllowance(inputs.config.secrets.allow, { file: where.file, ruleId: finding.ruleId, messageId: finding.messageId });
      scan.blocking.push(...(allowance ? [] : [secretDiagnostic(finding, where, name)]));
      if (allowance) scan.allowed.push(createDiagnostic(where, { severity: 'info', code: `secret/${shortRuleId(finding.ruleId)}`, message: `A ${finding.messageId} finding is published because secrets.allow says: ${allowance.reason}`, hint: 'Remove the entry from secrets.allow in handover.config.yaml if this is a real secret.' }));
    }
  }
  return scan;
}

/** The repo file and line a finding comes from: the page's own source, else any repo file holding it. */
async function locate(finding: RawSecretFinding, source: string | null, repoFiles: readonly string[], read: (file: string) => Promise<string | null>): Promise<{ file: string | null; line: number | null }> {
  for (const file of source ? [source, ...repoFiles.filter((other) => other !== source)] : repoFiles) {
    const text = await read(file);
    const line = text === null ? null : lineOfSecret(text, finding.match);
    if (line !== null) return { file, line };
  }
  return { file: source, line: null };
}

function secretDiagnostic(finding: RawSecretFinding, where: { file: string | null; line: number | null }, page: string): Diagnostic {
  const found = where.line === null ? ` (in the generated ${page}; its exact place in the source was not found)` : '';
  return createDiagnostic(where, {
    severity: 'error',
    code: `secret/${shortRuleId(finding.ruleId)}`,
    message: `A secret (${finding.messageId}) would be published${found}; the site was not built or replaced.`,
    hint: 'Remove the secret from the repository and rotate it (it is in git history). If it is not a secret, e.g. a documented example, add { path, rule, reason } to secrets.allow in handover.config.yaml.',
  });
}
