/**
 * Badge numbering and expiry rules.
 *
 * @packageDocumentation
 */

import { ageInYears } from './eligibility.js';

/** Standard validity of a Blue Badge, in years. */
export const BADGE_VALIDITY_YEARS = 3;

/**
 * Minimum validity we will issue when a benefit award ends sooner than the
 * standard period. Below this the council should ask for renewed evidence instead.
 */
export const MINIMUM_VALIDITY_MONTHS = 12;

/** A badge ordered from the card supplier. */
export interface Badge {
  badgeNumber: string;
  applicationId: string;
  holderName: string;
  /** ISO 8601 calendar date. */
  issuedOn: string;
  /** ISO 8601 calendar date; the badge is valid up to and including this day. */
  expiresOn: string;
  status: 'ordered' | 'dispatched' | 'cancelled' | 'reported_lost' | 'expired';
}

/** Options for {@link calculateExpiry}. */
export interface ExpiryOptions {
  /** Holder's date of birth, used for the under-3s rule. */
  dateOfBirth: string;
  /**
   * End date of the qualifying benefit award, if it is fixed-term. The badge
   * should not outlast the award unless that would leave less than
   * {@link MINIMUM_VALIDITY_MONTHS} of validity.
   */
  benefitAwardEndsOn?: string;
}

/**
 * Calculates the expiry date for a new badge.
 *
 * Badges last {@link BADGE_VALIDITY_YEARS} years from issue, expiring the day
 * before the anniversary. Two rules can shorten this:
 *
 * 1. A fixed-term benefit award ending sooner (subject to a 12-month floor).
 * 2. For children under 3, the day before their third birthday.
 *
 * @param issuedOn - The date the badge is issued.
 * @param options - Holder details that may shorten the validity period.
 * @returns The expiry date as an ISO 8601 calendar date (`YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * calculateExpiry(new Date('2026-04-01'), { dateOfBirth: '1961-09-30' });
 * // => '2029-03-31'
 * ```
 */
export function calculateExpiry(issuedOn: Date, options: ExpiryOptions): string {
  // FIXME: this works in UTC. A badge issued between 00:00 and 01:00 BST is
  // dated the previous day. Low impact (one day early) but councils have noticed.
  // Tracked as TD-003.
  const standard = addYears(issuedOn, BADGE_VALIDITY_YEARS);
  standard.setUTCDate(standard.getUTCDate() - 1);
  let expiry = standard;

  if (options.benefitAwardEndsOn) {
    const awardEnd = new Date(`${options.benefitAwardEndsOn}T00:00:00Z`);
    const floor = addMonths(issuedOn, MINIMUM_VALIDITY_MONTHS);
    if (awardEnd < expiry) {
      expiry = awardEnd < floor ? floor : awardEnd;
    }
  }

  if (ageInYears(options.dateOfBirth, issuedOn) < 3) {
    const thirdBirthday = addYears(new Date(`${options.dateOfBirth}T00:00:00Z`), 3);
    thirdBirthday.setUTCDate(thirdBirthday.getUTCDate() - 1);
    if (thirdBirthday < expiry) expiry = thirdBirthday;
  }

  return expiry.toISOString().slice(0, 10);
}

const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXY'; // 23 letters, no I, O or Z

/**
 * Generates a badge number in the national format agreed with the card supplier:
 * a two-letter council prefix, a six-digit serial and a check letter.
 *
 * @param councilPrefix - Two-letter prefix from the {@link CouncilDirectory}, e.g. `HB`.
 * @param serial - Next value from the council's badge sequence (1 to 999999).
 * @returns A badge number such as `HB004817L`.
 * @throws RangeError if the prefix or serial is out of range.
 *
 * @example
 * ```ts
 * generateBadgeNumber('HB', 4817); // 'HB004817L'
 * ```
 */
export function generateBadgeNumber(councilPrefix: string, serial: number): string {
  if (!/^[A-Z]{2}$/.test(councilPrefix)) {
    throw new RangeError(`Council prefix must be two capital letters, got "${councilPrefix}"`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) {
    throw new RangeError(`Serial out of range: ${serial}`);
  }
  const body = `${councilPrefix}${serial.toString().padStart(6, '0')}`;
  return `${body}${checkLetter(body)}`;
}

/**
 * Formats a badge number in the pre-2024 layout printed by the old card supplier
 * (`HB 004817 L 0329`, with the expiry month and year appended).
 *
 * @deprecated Use {@link generateBadgeNumber}. The old supplier contract ended in
 * March 2024; this is kept only so that replacement badges for holders with
 * legacy numbers can be cross-referenced. Remove once the last legacy badges
 * expire in March 2027 (TD-005).
 *
 * @param badgeNumber - A badge number from {@link generateBadgeNumber}.
 * @param expiresOn - ISO 8601 expiry date.
 * @returns The legacy display string.
 */
export function formatLegacyBadgeNumber(badgeNumber: string, expiresOn: string): string {
  const mm = expiresOn.slice(5, 7);
  const yy = expiresOn.slice(2, 4);
  return `${badgeNumber.slice(0, 2)} ${badgeNumber.slice(2, 8)} ${badgeNumber.slice(8)} ${mm}${yy}`;
}

function checkLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum += body.charCodeAt(i) * (i + 1);
  }
  return CHECK_ALPHABET[sum % CHECK_ALPHABET.length]!;
}

function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
