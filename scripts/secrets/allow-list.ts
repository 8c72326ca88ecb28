import picomatch from 'picomatch';
import type { HandoverConfig } from '../config/schema.ts';
import { shortRuleId } from './secret-scanner.ts';

export type AllowEntry = HandoverConfig['secrets']['allow'][number];

/** The `secrets.allow` entry that covers a finding in `file` by `ruleId`/`messageId`, or null. */
export function findAllowance(allow: readonly AllowEntry[], finding: { file: string | null; ruleId: string; messageId: string }): AllowEntry | null {
  if (!finding.file) return null;
  const names = [finding.ruleId, shortRuleId(finding.ruleId), finding.messageId].map((name) => name.toLowerCase());
  return allow.find((entry) => names.includes(entry.rule.toLowerCase()) && picomatch(entry.path, { dot: true })(finding.file!)) ?? null;
}
