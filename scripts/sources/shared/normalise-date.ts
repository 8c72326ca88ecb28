const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Turns a date as teams write it into ISO `YYYY-MM-DD`, or null when it is not a real date.
 * Slashed dates are read day-first (`04/09/2020` is 4 September), as UK teams write them.
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\.$/, '');
  // (?!\d) rather than \b: `2020-06-15T20:21:00+01:00` is a date too.
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (match) return isoDate(match[1], match[2], match[3]);
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/.exec(text);
  if (match) return isoDate(match[3], match[2], match[1]);
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return isoDate(match[1], match[2], match[3]);
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b/i.exec(text);
  if (match) return isoDate(match[3], monthNumber(match[2]), match[1]);
  match = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  if (match) return isoDate(match[3], monthNumber(match[1]), match[2]);
  return null;
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index === -1 ? undefined : String(index + 1);
}

function isoDate(year?: string, month?: string, day?: string): string | null {
  if (!year || !month || !day) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year.padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
