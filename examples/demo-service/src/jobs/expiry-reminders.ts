/**
 * Nightly job that reminds badge holders their badge is about to expire.
 *
 * Runs at 02:30 Europe/London as a scheduled ECS task. It is safe to re-run:
 * a reminder is recorded before it is sent, and badges with a recorded
 * reminder are skipped. If the job does not run, the `ExpiryReminderJobNotRun`
 * alert fires after 26 hours.
 *
 * @packageDocumentation
 */

import type { BaseLogger } from 'pino';
import type { Applicant } from '../domain/application.js';
import type { Badge } from '../domain/badge.js';
import type { CouncilDirectory } from '../services/council-directory.js';
import type { ApplicantNotifier } from '../services/notify-client.js';

/** A badge due a reminder, joined with what we need to contact the holder. */
export interface ExpiringBadge {
  badge: Badge;
  councilCode: string;
  applicant: Applicant;
}

/** Persistence port for the reminder job. */
export interface ExpiryReminderStore {
  /**
   * Finds issued badges expiring on or before `before` that have not had a reminder.
   *
   * @param before - ISO 8601 date; the end of the reminder window.
   * @param limit - Maximum rows to return in one call.
   */
  findDueForReminder(before: string, limit: number): Promise<ExpiringBadge[]>;
  /** Records that a reminder was attempted, whether or not Notify accepted it. */
  recordReminder(badgeNumber: string, outcome: 'sent' | 'letter_queued' | 'failed'): Promise<void>;
}

/** Dependencies and settings for {@link runExpiryReminders}. */
export interface ExpiryReminderJob {
  store: ExpiryReminderStore;
  notifier: ApplicantNotifier;
  councils: CouncilDirectory;
  logger: BaseLogger;
  /** Days ahead of expiry to remind; see `EXPIRY_REMINDER_DAYS` in {@link loadConfig}. */
  reminderDays: number;
  /** Rows per batch. Keep well below Notify's 3,000 messages per minute limit. */
  batchSize?: number;
}

/** Totals reported at the end of a run and exported as metrics. */
export interface ExpiryReminderSummary {
  sent: number;
  lettersQueued: number;
  failed: number;
}

/**
 * Sends renewal reminders for badges entering the reminder window.
 *
 * @param job - Store, notifier, directory and settings.
 * @param today - The run date. Injected so that a missed night can be replayed.
 * @returns Counts of reminders sent, left for council printing, and failed.
 *
 * @example
 * ```ts
 * const summary = await runExpiryReminders(job, new Date());
 * logger.info(summary, 'expiry reminders complete');
 * ```
 */
export async function runExpiryReminders(job: ExpiryReminderJob, today: Date): Promise<ExpiryReminderSummary> {
  const windowEnd = new Date(today.getTime() + job.reminderDays * 86_400_000).toISOString().slice(0, 10);
  const batchSize = job.batchSize ?? 200;
  const summary: ExpiryReminderSummary = { sent: 0, lettersQueued: 0, failed: 0 };

  for (;;) {
    const batch = await job.store.findDueForReminder(windowEnd, batchSize);
    if (batch.length === 0) break;

    // Sequential on purpose: the Notify calls are synchronous (ADR-0004) and a
    // burst of parallel calls has tripped Notify's rate limit before.
    for (const { badge, councilCode, applicant } of batch) {
      try {
        const council = job.councils.get(councilCode);
        const result = await job.notifier.notify(applicant, council, 'expiry_reminder', {
          badge_number: badge.badgeNumber,
          expiry_date: badge.expiresOn,
        });
        const outcome = result.sent ? 'sent' : 'letter_queued';
        await job.store.recordReminder(badge.badgeNumber, outcome);
        if (result.sent) summary.sent++;
        else summary.lettersQueued++;
      } catch (err) {
        job.logger.warn({ err, badgeNumber: badge.badgeNumber }, 'expiry reminder failed');
        await job.store.recordReminder(badge.badgeNumber, 'failed');
        summary.failed++;
      }
    }
  }

  job.logger.info(summary, 'expiry reminders complete');
  return summary;
}
