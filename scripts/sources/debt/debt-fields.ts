import type { DebtStatus } from '../../model/schemas/debt.ts';

/** The debt fields a register column can hold. */
export type DebtField = 'ref' | 'title' | 'status' | 'taken' | 'reason' | 'impact' | 'effort' | 'owner' | 'decision' | 'remediation' | 'location';

/** Column headers teams use for each field, matched on lower-case words. */
const COLUMN_NAMES: [RegExp, DebtField][] = [
  [/^(id|#|ref|reference|no\.?|number|key|td)$/, 'ref'],
  [/^(title|item|debt|debt item|description|summary|name|issue|what|problem|observation)$/, 'title'],
  [/^(status|state)$/, 'status'],
  [/^(taken|date|date taken|taken on|added|created|raised|since|opened|logged|date added|date raised|incurred)$/, 'taken'],
  [/^(reason|why|rationale|cause|context|justification|background|why taken|reason taken)$/, 'reason'],
  [/^(impact|priority|severity|risk|consequences?|cost of delay|interest)$/, 'impact'],
  [/^(effort|size|cost|estimate|t-?shirt( size)?|effort to fix)$/, 'effort'],
  [/^(owner|owners|assignee|responsible|team|who)$/, 'owner'],
  [/^(decision|adr|related adr|decision record|related decision|linked adr)$/, 'decision'],
  [/^(remediation|fix|resolution|recommendation|plan|pay ?back|repayment|mitigation|action|actions|next steps?|how to fix|paydown)$/, 'remediation'],
  [/^(location|file|files|path|paths|code|where|component|area)$/, 'location'],
];

/** The field a column header names, or null. */
export function fieldOfColumn(header: string): DebtField | null {
  const text = header.replace(/[*_`]/g, '').trim().toLowerCase();
  for (const [pattern, field] of COLUMN_NAMES) if (pattern.test(text)) return field;
  return null;
}

const STATUS_WORDS: [RegExp, DebtStatus][] = [
  [/^(open|new|todo|to do|identified|active|outstanding|unresolved|known|live|current)\b/, 'open'],
  [/^(accepted|acknowledged|tolerated|won'?t fix|wontfix|deferred|parked|on hold|agreed)\b/, 'accepted'],
  [/^(in[ -]?progress|doing|started|wip|underway|being (fixed|paid)|ongoing|partially (paid|fixed))\b/, 'in-progress'],
  [/^(paid( off| back)?|done|resolved|fixed|closed|repaid|removed|complete[d]?|retired)\b/, 'paid'],
];

/** Normalises a debt status as written, or null when it is not one Handover knows. */
export function normaliseDebtStatus(written: string): DebtStatus | null {
  const text = written.replace(/[*_`✅❌🟢🟡🔴⏳✔️]/gu, ' ').trim().toLowerCase();
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status;
  return null;
}
