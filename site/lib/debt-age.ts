/** Age buckets for debt and code markers, from newest to oldest. */
export const AGE_BUCKETS = ['under 6 months', '6-12 months', '1-2 years', 'over 2 years', 'unknown'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Whole days from an ISO date to today (an ISO date), or null. */
export function ageInDays(date: string | null, today: string): number | null {
  if (!date) return null;
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000));
}

/** The bucket an age in days falls in. */
export function ageBucket(days: number | null): AgeBucket {
  if (days === null) return 'unknown';
  if (days < 183) return 'under 6 months';
  if (days < 365) return '6-12 months';
  if (days < 730) return '1-2 years';
  return 'over 2 years';
}

/**
 * The level an impact or priority states (`High`, `Medium: slow pages`), or "not rated" when it
 * is prose with no level, so charts group by level rather than by first word.
 */
export function impactLevel(impact: string | null): string {
  const match = /^\W*(critical|very high|high|major|medium|moderate|low|minor|very low|p[0-5]|sev[ -]?[0-5])\b/i.exec(impact ?? '');
  if (!match) return 'not rated';
  const level = match[1]!.toLowerCase();
  return level[0]!.toUpperCase() + level.slice(1);
}
