const UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  day: 'day', days: 'day', d: 'day',
  week: 'week', weeks: 'week', w: 'week',
  month: 'month', months: 'month', m: 'month', mo: 'month',
  year: 'year', years: 'year', y: 'year', yr: 'year',
};

/** Parses a period as teams write it (`6 months`, `3 weeks`, `1 year`, `90d`), or null. */
export function parsePeriod(text: string): { amount: number; unit: 'day' | 'week' | 'month' | 'year' } | null {
  const match = /^\s*(\d+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit ? { amount: Number(match[1]), unit } : null;
}

/**
 * Adds a period to an ISO date with calendar arithmetic; a month that lacks the day clamps to
 * its last day (2026-01-31 + 1 month = 2026-02-28). Null when the period cannot be read.
 */
export function addPeriod(isoDate: string, period: string): string | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (parsed.unit === 'day' || parsed.unit === 'week') {
    const date = new Date(Date.UTC(year, month - 1, day + parsed.amount * (parsed.unit === 'week' ? 7 : 1)));
    return date.toISOString().slice(0, 10);
  }
  const months = parsed.amount * (parsed.unit === 'year' ? 12 : 1);
  const targetMonth = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}
