/**
 * Public API of `blue-badge-applications`.
 *
 * The package is deployed as a service, but the domain rules and client types
 * are also imported by the council assessor portal and by the data team's
 * reconciliation scripts, so everything exported here is treated as a public
 * contract and follows semver.
 *
 * Start with {@link assessEligibility} and {@link calculateExpiry} for the rules,
 * or {@link registerRoutes} for the HTTP surface.
 *
 * @packageDocumentation
 */

export {
  canTransition,
  isTerminalStatus,
  type Applicant,
  type Application,
  type ApplicationChannel,
  type ApplicationRepository,
  type ApplicationStatus,
  type ContactPreference,
  type CouncilCode,
  type EvidenceRef,
  type PostalAddress,
} from './domain/application.js';

export {
  CRITERIA_VERSION,
  ageInYears,
  assessEligibility,
  type BenefitEvidence,
  type DeclaredCondition,
  type EligibilityInput,
  type EligibilityOutcome,
  type EligibilityReason,
  type EligibilityResult,
} from './domain/eligibility.js';

export {
  BADGE_VALIDITY_YEARS,
  MINIMUM_VALIDITY_MONTHS,
  calculateExpiry,
  formatLegacyBadgeNumber,
  generateBadgeNumber,
  type Badge,
  type ExpiryOptions,
} from './domain/badge.js';

export {
  ConflictError,
  HttpError,
  NotFoundError,
  UpstreamServiceError,
  ValidationError,
  toProblemDetails,
  type ProblemDetails,
  type ValidationIssue,
} from './http/errors.js';

export { registerRoutes, type RouteDependencies } from './http/routes.js';

export { CouncilDirectory, type AssessmentMode, type Council } from './services/council-directory.js';

export {
  ALLOWED_CONTENT_TYPES,
  MAX_EVIDENCE_BYTES,
  S3EvidenceStore,
  type EvidenceStore,
  type UploadRequest,
  type UploadTicket,
} from './services/evidence-store.js';

export {
  ApplicantNotifier,
  type ApplicantNotifierOptions,
  type NotificationResult,
  type NotificationTemplate,
  type TemplateIds,
} from './services/notify-client.js';

export { loadConfig, type Config } from './config.js';

export {
  runExpiryReminders,
  type ExpiringBadge,
  type ExpiryReminderJob,
  type ExpiryReminderStore,
  type ExpiryReminderSummary,
} from './jobs/expiry-reminders.js';
