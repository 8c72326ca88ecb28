/**
 * Thin wrapper around GOV.UK Notify for messages to applicants.
 *
 * Calls are made synchronously, inside the request that triggers them. This is
 * a known compromise recorded in ADR-0004 and TD-001: if Notify is slow, our
 * API is slow. The timeout below bounds the damage.
 *
 * @packageDocumentation
 */

import { NotifyClient as GovUkNotifyClient } from 'notifications-node-client';
import type { BaseLogger } from 'pino';
import type { Applicant } from '../domain/application.js';
import type { Council } from './council-directory.js';
import { UpstreamServiceError } from '../http/errors.js';

/** Messages we send. Each maps to one email and one SMS template in Notify. */
export type NotificationTemplate =
  | 'application_received'
  | 'evidence_requested'
  | 'application_approved'
  | 'application_rejected'
  | 'badge_dispatched'
  | 'expiry_reminder';

/** Notify template IDs per channel. Loaded from config; they differ between the trial and live services. */
export type TemplateIds = Record<NotificationTemplate, { email: string; sms: string }>;

/** What happened when we tried to notify someone. */
export interface NotificationResult {
  channel: 'email' | 'sms' | 'letter';
  /** Notify's notification ID, for tracing delivery receipts. Absent for letters. */
  notifyId?: string;
  /** `false` for letters, which the council prints from its own queue. */
  sent: boolean;
}

/** Options for {@link ApplicantNotifier}. */
export interface ApplicantNotifierOptions {
  apiKey: string;
  templates: TemplateIds;
  /** Per-call timeout in milliseconds. Defaults to 3000. */
  timeoutMs?: number;
  logger: BaseLogger;
}

/**
 * Sends applicant notifications through GOV.UK Notify, choosing email or SMS
 * from the applicant's {@link Applicant.contactPreference}.
 *
 * @example
 * ```ts
 * const notifier = new ApplicantNotifier({ apiKey, templates, logger });
 * await notifier.notify(application.applicant, council, 'application_received', {
 *   reference: application.reference,
 * });
 * ```
 */
export class ApplicantNotifier {
  private readonly client: GovUkNotifyClient;
  private readonly timeoutMs: number;

  /** @param options - API key, template IDs, timeout and logger. */
  constructor(private readonly options: ApplicantNotifierOptions) {
    this.client = new GovUkNotifyClient(options.apiKey);
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  /**
   * Sends a single notification.
   *
   * @param applicant - Recipient. Their contact preference decides the channel.
   * @param council - Issuing council; its Notify reply-to ID is used for email.
   * @param template - Which message to send.
   * @param personalisation - Values for the template's `((placeholders))`.
   * @returns Which channel was used and Notify's ID for the message.
   * @throws {@link UpstreamServiceError} if Notify errors or times out.
   */
  async notify(
    applicant: Applicant,
    council: Council,
    template: NotificationTemplate,
    personalisation: Record<string, string>,
  ): Promise<NotificationResult> {
    const ids = this.options.templates[template];
    const common = { personalisation: { ...personalisation, council_name: council.name }, reference: personalisation['reference'] };

    if (applicant.contactPreference === 'letter' || (!applicant.email && !applicant.mobile)) {
      // TODO(BB-412): send letters via Notify's letter API instead of relying on
      // councils to print them. Blocked on agreeing the letter branding per council.
      this.options.logger.info({ template, council: council.code }, 'letter notification left for council print queue');
      return { channel: 'letter', sent: false };
    }

    try {
      if (applicant.contactPreference === 'email' && applicant.email) {
        const res = await withTimeout(
          this.client.sendEmail(ids.email, applicant.email, { ...common, emailReplyToId: council.notifyReplyToId }),
          this.timeoutMs,
        );
        return { channel: 'email', notifyId: res.data.id, sent: true };
      }
      const res = await withTimeout(this.client.sendSms(ids.sms, applicant.mobile!, common), this.timeoutMs);
      return { channel: 'sms', notifyId: res.data.id, sent: true };
    } catch (err) {
      this.options.logger.warn({ err, template }, 'Notify call failed');
      throw new UpstreamServiceError('notify', err);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms}ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
