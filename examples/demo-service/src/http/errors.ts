/**
 * Error types thrown by route handlers and services.
 *
 * All errors that reach the Fastify error handler are rendered as RFC 9457
 * `application/problem+json` via {@link toProblemDetails}. Anything that is not
 * an {@link HttpError} becomes a 500 and is logged with its stack.
 *
 * @packageDocumentation
 */

/** Base class for errors that map cleanly to an HTTP status. */
export class HttpError extends Error {
  /**
   * @param statusCode - HTTP status to respond with.
   * @param code - Stable, machine-readable code. Councils' systems match on this, so do not rename.
   * @param message - Human-readable detail. Must not contain personal data.
   */
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The requested application, badge or council does not exist (or the caller may not see it). */
export class NotFoundError extends HttpError {
  /**
   * @param resource - What was being looked up, e.g. `application`.
   * @param id - The identifier that was not found.
   */
  constructor(resource: string, id: string) {
    super(404, `${resource}_not_found`, `No ${resource} with id ${id}`);
  }
}

/** A single field-level validation problem. */
export interface ValidationIssue {
  /** JSON pointer to the offending field, e.g. `/applicant/dateOfBirth`. */
  pointer: string;
  message: string;
}

/** The request body failed schema validation. */
export class ValidationError extends HttpError {
  /**
   * @param issues - Every problem found, so the client can show them all at once.
   */
  constructor(readonly issues: ValidationIssue[]) {
    super(422, 'validation_failed', `${issues.length} validation issue(s)`);
  }
}

/**
 * The request conflicts with the application's current state: either an
 * illegal status transition or a stale `version` (optimistic locking).
 */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/**
 * A downstream dependency (GOV.UK Notify, S3, the card supplier) failed or timed out.
 * Rendered as 502 so that alerting can tell our faults from theirs.
 */
export class UpstreamServiceError extends HttpError {
  /**
   * @param service - Short name of the dependency, used as a metric label (`notify`, `s3`, `card_supplier`).
   * @param cause - The underlying error, kept for logging only.
   */
  constructor(
    readonly service: string,
    cause?: unknown,
  ) {
    super(502, 'upstream_failure', `Upstream service "${service}" failed`);
    this.cause = cause;
  }
}

/** Shape of an RFC 9457 problem details response body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  issues?: ValidationIssue[];
}

/**
 * Converts any thrown value into a problem details body.
 *
 * @param error - Whatever was thrown.
 * @param instance - The request path, echoed back for support calls.
 * @returns A body safe to send to the client (no stack traces, no personal data).
 *
 * @example
 * ```ts
 * toProblemDetails(new NotFoundError('application', 'a1b2'), '/v1/applications/a1b2');
 * // { type: 'https://.../problems/application_not_found', status: 404, ... }
 * ```
 */
export function toProblemDetails(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof HttpError) {
    return {
      type: `https://github.com/example-council/blue-badge-applications/blob/main/docs/problems.md#${error.code}`,
      title: error.name,
      status: error.statusCode,
      detail: error.message,
      instance,
      code: error.code,
      issues: error instanceof ValidationError ? error.issues : undefined,
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    instance,
    code: 'internal_error',
  };
}
