import { normaliseDate } from '../shared/normalise-date.ts';
import { readVersion } from './version-text.ts';

/** What a release heading says: `[1.2.0] - 2026-01-05`, `1.2.0 (2026-01-05)`, `v1.2.0`, `[Unreleased]`. */
export interface ReleaseHeading {
  version: string;
  unreleased: boolean;
  /** ISO date, or null. */
  date: string | null;
  /** Text after the version that looks like a date but is not one (for a diagnostic), or null. */
  unreadableDate: string | null;
  yanked: boolean;
}

const UNRELEASED = /^(unreleased|upcoming|unpublished)\b/i;
const DATE_ANYWHERE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|\b[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/i;

/** Reads a heading's text as a release heading, or null when it names no version. */
export function readReleaseHeading(text: string): ReleaseHeading | null {
  // Brackets come from Keep a Changelog's `[1.2.0]` (a link reference when defined, text if not).
  const plain = text.replace(/[[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  const yanked = /\byanked\b/i.test(plain);
  if (UNRELEASED.test(plain)) {
    const rest = plain.replace(UNRELEASED, '');
    return { version: 'Unreleased', unreleased: true, ...readDate(rest), yanked };
  }
  const words = plain.split(' ');
  // `Version 1.2.0`, `Release v1.2.0`: the version is the second word.
  const skip = words.length > 1 && /^(version|release|v)$/i.test(words[0]!) ? 1 : 0;
  const version = readVersion(words[skip] ?? '');
  if (!version) return null;
  return { version, unreleased: false, ...readDate(words.slice(skip + 1).join(' ')), yanked };
}

/** The date in the text after a version (`- 2026-01-05`, `(2026-01-05)`, `/ 5 Jan 2026`). */
function readDate(rest: string): { date: string | null; unreadableDate: string | null } {
  const text = rest.replace(/\byanked\b/gi, '').replace(/^[\s\-–—/:(,|]+/, '').replace(/[\s)]+$/, '');
  if (!text) return { date: null, unreadableDate: null };
  const date = normaliseDate(text) ?? normaliseDate(DATE_ANYWHERE.exec(text)?.[0] ?? '');
  // Only text with digits was meant as a date; `(codename)` after a version is not one.
  return { date, unreadableDate: date === null && /\d/.test(text) ? text : null };
}
