import type { RunbookSection } from '../../model/schemas/runbook.ts';

/** Heading words for each canonical runbook section, as teams write them. */
const SECTION_WORDS: [RegExp, RunbookSection][] = [
  [/^(meaning|overview|description|summary|what (it|this) means|about( this alert)?)\b/i, 'meaning'],
  [/^(impact|user impact|business impact)\b/i, 'impact'],
  [/^(diagnosis|diagnose|investigation|investigate|troubleshooting|triage|how to investigate)\b/i, 'diagnosis'],
  [/^(mitigation|mitigate|resolution|resolve|remediation|fix|fixing|how to fix|recovery|actions?|what to do)\b/i, 'mitigation'],
  [/^(escalation|escalate|escalation path|contacts?|who to contact)\b/i, 'escalation'],
];

const ORDER: RunbookSection[] = ['meaning', 'impact', 'diagnosis', 'mitigation', 'escalation'];

/** The canonical section a runbook heading names, or null. */
export function sectionOfHeading(heading: string): RunbookSection | null {
  const text = heading.replace(/^[\d.)\s]+/, '').trim();
  for (const [pattern, section] of SECTION_WORDS) if (pattern.test(text)) return section;
  return null;
}

/** Sorts and de-duplicates sections into canonical order. */
export function orderSections(sections: Iterable<RunbookSection>): RunbookSection[] {
  const present = new Set(sections);
  return ORDER.filter((section) => present.has(section));
}
