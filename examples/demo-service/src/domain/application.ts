/**
 * Core domain model for a Blue Badge application.
 *
 * An application moves through a small, explicit state machine. Route handlers
 * (see {@link registerRoutes}) must call {@link canTransition} before
 * persisting a status change; the database also enforces the same rules with a
 * check trigger, so the two must be kept in step.
 *
 * @packageDocumentation
 */

import type { EligibilityResult } from './eligibility.js';

/**
 * GSS code identifying the issuing local authority, for example `E06000099`.
 *
 * Councils are onboarded individually; see {@link CouncilDirectory}.
 */
export type CouncilCode = string;

/**
 * Every status an application can be in.
 *
 * - `draft`: started online but not yet submitted (applicant can still edit).
 * - `submitted`: received, awaiting an eligibility check.
 * - `awaiting_evidence`: the council has asked the applicant for more evidence.
 * - `in_assessment`: with a council assessor (desk-based or independent mobility assessment).
 * - `approved` / `rejected`: a decision has been recorded.
 * - `badge_issued`: the card supplier has accepted the print order.
 * - `withdrawn`: the applicant or council has withdrawn the application.
 */
export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'awaiting_evidence'
  | 'in_assessment'
  | 'approved'
  | 'rejected'
  | 'badge_issued'
  | 'withdrawn';

/** How the application reached us. Paper and assisted applications are keyed in by council staff. */
export type ApplicationChannel = 'online' | 'paper' | 'assisted';

/** The applicant's preferred way of hearing from us. `letter` is printed by the council. */
export type ContactPreference = 'email' | 'sms' | 'letter';

/** A UK postal address as captured by the address lookup. */
export interface PostalAddress {
  line1: string;
  line2?: string;
  town: string;
  postcode: string;
  /** Unique Property Reference Number, when the address came from the lookup rather than manual entry. */
  uprn?: string;
}

/** The person the badge is for. Where someone applies on another's behalf, this is still the badge holder. */
export interface Applicant {
  fullName: string;
  /** ISO 8601 calendar date, e.g. `1956-07-21`. */
  dateOfBirth: string;
  nationalInsuranceNumber?: string;
  address: PostalAddress;
  email?: string;
  /** UK mobile number in E.164 format. */
  mobile?: string;
  contactPreference: ContactPreference;
  /** Stable `sub` claim from GOV.UK One Login. Absent for paper applications. */
  oneLoginSubject?: string;
}

/** A pointer to a piece of uploaded evidence held in the evidence store. */
export interface EvidenceRef {
  evidenceId: string;
  kind: 'proof_of_identity' | 'proof_of_address' | 'benefit_letter' | 'medical' | 'photo';
  uploadedAt: string;
  scanStatus: 'pending' | 'clean' | 'infected' | 'failed';
}

/** A Blue Badge application as stored and returned by the API. */
export interface Application {
  /** Internal UUID. Never shown to applicants. */
  id: string;
  /** Human-friendly reference quoted in letters and emails, e.g. `BB-2024-004817`. */
  reference: string;
  councilCode: CouncilCode;
  status: ApplicationStatus;
  channel: ApplicationChannel;
  applicant: Applicant;
  evidence: EvidenceRef[];
  eligibility?: EligibilityResult;
  /** ISO 8601 timestamp. Absent while in `draft`. */
  submittedAt?: string;
  decidedAt?: string;
  /** Set once the badge has been ordered from the card supplier. */
  badgeNumber?: string;
  /** Optimistic-locking version; incremented on every write. */
  version: number;
}

/**
 * Persistence port for applications. The production implementation lives in
 * `src/db/` (PostgreSQL) and is not part of the public API.
 */
export interface ApplicationRepository {
  findById(id: string): Promise<Application | undefined>;
  create(application: Omit<Application, 'id' | 'reference' | 'version'>): Promise<Application>;
  /**
   * Saves changes, failing if `expectedVersion` does not match the stored version.
   * @returns the updated application with its new `version`.
   */
  update(application: Application, expectedVersion: number): Promise<Application>;
}

const ALLOWED_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['awaiting_evidence', 'in_assessment', 'approved', 'withdrawn'],
  awaiting_evidence: ['in_assessment', 'withdrawn'],
  in_assessment: ['awaiting_evidence', 'approved', 'rejected', 'withdrawn'],
  approved: ['badge_issued'],
  rejected: [],
  badge_issued: [],
  withdrawn: [],
};

/**
 * Checks whether an application may move from one status to another.
 *
 * @param from - The application's current status.
 * @param to - The requested new status.
 * @returns `true` if the transition is permitted by the state machine.
 *
 * @example
 * ```ts
 * canTransition('submitted', 'approved'); // true: automatic eligibility
 * canTransition('rejected', 'approved');  // false: a fresh application is needed
 * ```
 */
export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export function isTerminalStatus(status: ApplicationStatus): boolean {
  return ALLOWED_TRANSITIONS[status].length === 0;
}
