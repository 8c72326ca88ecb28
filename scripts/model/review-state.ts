import type { ReviewState } from './schemas/runbook.ts';
import { addPeriod } from '../sources/shared/review-period.ts';

/** Days before the due date from which a review counts as due soon. */
export const DUE_SOON_DAYS = 30;

/** The due date: as written, else last review + period (the runbook's own, else the default). */
export function reviewDueDate(lastReviewed: string | null, reviewIn: string | null, written: string | null, defaultPeriod: string): string | null {
  if (written) return written;
  if (!lastReviewed) return null;
  return addPeriod(lastReviewed, reviewIn ?? defaultPeriod) ?? addPeriod(lastReviewed, defaultPeriod);
}

/** Whether a review due on `due` is current, due soon or overdue on `today` (ISO dates). */
export function reviewStateOn(due: string | null, today: string): ReviewState {
  if (!due) return 'unknown';
  if (due < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return due <= soon.toISOString().slice(0, 10) ? 'due-soon' : 'current';
}
