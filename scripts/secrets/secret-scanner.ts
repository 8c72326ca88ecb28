import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';

// secretlint profiles every rule on every file unless told not to: performance marks and measures
// that pile up for the life of the process (a tenth of the scan's time, and memory that grows with
// the number of pages).
secretLintProfiler.setEnabled(false);

/** One secret the scanner found in a text; `match` is the secret's text, never to be printed. */
export interface RawSecretFinding {
  /** The secretlint rule, e.g. `@secretlint/secretlint-rule-aws`. */
  ruleId: string;
  /** What kind of secret, e.g. `AWSSecretAccessKey`. */
  messageId: string;
  /** 1-based line in the scanned text. */
  line: number;
  /** The matched text: used only to find it in the source file, and to mask it. */
  match: string;
}

const PRESET_ID = '@secretlint/secretlint-rule-preset-recommend';

// secretlint's recommended rules, plus the AWS access key id scan, which the preset leaves off
// (an id alone is no credential, but beside a leaked secret key it names the key, and a
// handover site is read by people outside the team). AWS's documented example key
// AKIAIOSFODNN7EXAMPLE stays allowed by the rule's own built-in list. The same switch turns on
// the account id scan, which stays off: AWS does not treat account ids as secret, and real
// runbooks quote them (modernisation-platform's Athena runbook queries by account id).
const CONFIG: Parameters<typeof lintSource>[0]['options']['config'] = {
  rules: [{ id: PRESET_ID, rule: recommended, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true }, allowMessageIds: ['AWSAccountID'] }] }],
};

/** Scans one text with secretlint's recommended rules; `name` (with its extension) picks the rules that apply. */
export async function scanText(text: string, name: string): Promise<RawSecretFinding[]> {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
  const result = await lintSource({
    source: { content: text, filePath: name, ext: extension, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((message) => ({
    ruleId: message.ruleId,
    messageId: message.messageId,
    line: message.loc.start.line,
    match: text.slice(message.range[0], message.range[1]),
  }));
}

/** The short name of a secretlint rule: `@secretlint/secretlint-rule-aws` -> `aws`. */
export function shortRuleId(ruleId: string): string {
  return ruleId.replace(/^@secretlint\/secretlint-rule-/, '').replace(/^secretlint-rule-/, '');
}
