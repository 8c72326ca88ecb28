/**
 * HTTP routes for the Blue Badge applications API (v1).
 *
 * Applicant-facing routes are called by the council's front end on behalf of a
 * signed-in GOV.UK One Login user (ADR-0005). Assessor routes (`/assessment`,
 * `/badge`) require a council staff token; authentication is handled by the
 * `onRequest` hook registered in `server.ts`, not here.
 *
 * @packageDocumentation
 */

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canTransition, type Application, type ApplicationRepository, type ApplicationStatus } from '../domain/application.js';
import { assessEligibility } from '../domain/eligibility.js';
import { calculateExpiry, generateBadgeNumber } from '../domain/badge.js';
import type { CouncilDirectory } from '../services/council-directory.js';
import type { EvidenceStore } from '../services/evidence-store.js';
import type { ApplicantNotifier } from '../services/notify-client.js';
import { ConflictError, NotFoundError, ValidationError, toProblemDetails } from './errors.js';

/** Everything the route handlers need. Injected so handlers can be tested without a database. */
export interface RouteDependencies {
  applications: ApplicationRepository;
  evidence: EvidenceStore;
  notifier: ApplicantNotifier;
  councils: CouncilDirectory;
  /** Returns the next badge serial for a council (a PostgreSQL sequence per council). */
  nextBadgeSerial(councilCode: string): Promise<number>;
  /** Injected clock, so tests can fix "today". */
  now(): Date;
}

const applicantSchema = z.object({
  fullName: z.string().min(1).max(200),
  dateOfBirth: z.string().date(),
  nationalInsuranceNumber: z.string().regex(/^[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D]$/).optional(),
  address: z.object({
    line1: z.string().min(1),
    line2: z.string().optional(),
    town: z.string().min(1),
    postcode: z.string().min(5).max(8),
    uprn: z.string().optional(),
  }),
  email: z.string().email().optional(),
  mobile: z.string().regex(/^\+44\d{10}$/).optional(),
  contactPreference: z.enum(['email', 'sms', 'letter']),
  oneLoginSubject: z.string().optional(),
});

const submitSchema = z.object({
  channel: z.enum(['online', 'paper', 'assisted']).default('online'),
  applicant: applicantSchema,
});

const benefitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dla_higher_rate_mobility') }),
  z.object({ kind: z.literal('pip_moving_around'), points: z.number().int().min(0).max(12) }),
  z.object({
    kind: z.literal('pip_planning_journeys'),
    points: z.number().int().min(0).max(12),
    descriptor: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
  }),
  z.object({ kind: z.literal('war_pensioners_mobility_supplement') }),
  z.object({ kind: z.literal('afcs_lump_sum'), tariffLevel: z.number().int().min(1).max(15), permanentAndSubstantial: z.boolean() }),
  z.object({ kind: z.literal('severely_sight_impaired') }),
]);

const eligibilitySchema = z.object({
  benefits: z.array(benefitSchema).default([]),
  declaredConditions: z
    .array(
      z.enum([
        'walking_difficulty',
        'non_visible_condition',
        'arms_disability',
        'child_medical_equipment',
        'child_needs_to_be_near_vehicle',
      ]),
    )
    .default([]),
  drivesRegularly: z.boolean().optional(),
});

const evidenceSchema = z.object({
  kind: z.enum(['proof_of_identity', 'proof_of_address', 'benefit_letter', 'medical', 'photo']),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

const assessmentSchema = z.object({
  decision: z.enum(['approved', 'rejected', 'awaiting_evidence']),
  /** Free-text reason. Included in the decision letter, so must be written for the applicant. */
  reason: z.string().min(1).max(2000),
});

const issueSchema = z.object({
  benefitAwardEndsOn: z.string().date().optional(),
});

type IdParams = { applicationId: string };

/**
 * Registers all v1 routes on a Fastify instance.
 *
 * Routes:
 *
 * | Method | Path | Purpose |
 * | ------ | ---- | ------- |
 * | POST | `/v1/councils/:councilCode/applications` | Submit a new application |
 * | GET | `/v1/applications/:applicationId` | Fetch an application |
 * | POST | `/v1/applications/:applicationId/eligibility-check` | Run the eligibility rules |
 * | POST | `/v1/applications/:applicationId/evidence` | Get a presigned upload URL |
 * | POST | `/v1/applications/:applicationId/assessment` | Record an assessor's decision |
 * | POST | `/v1/applications/:applicationId/badge` | Issue a badge for an approved application |
 *
 * @param app - The Fastify instance.
 * @param deps - Repositories and service clients.
 *
 * @example
 * ```ts
 * const app = Fastify({ logger });
 * registerRoutes(app, { applications, evidence, notifier, councils, nextBadgeSerial, now: () => new Date() });
 * ```
 */
export function registerRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblemDetails(error, request.url);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    void reply.status(problem.status).type('application/problem+json').send(problem);
  });

  app.post<{ Params: { councilCode: string } }>('/v1/councils/:councilCode/applications', async (request, reply) => {
    const council = deps.councils.get(request.params.councilCode);
    if (!deps.councils.isLive(council.code, deps.now())) {
      throw new ConflictError(`Council ${council.code} is not yet accepting applications`);
    }
    const body = parse(submitSchema, request.body);
    const application = await deps.applications.create({
      councilCode: council.code,
      status: 'submitted',
      channel: body.channel,
      applicant: body.applicant,
      evidence: [],
      submittedAt: deps.now().toISOString(),
    });
    await deps.notifier.notify(application.applicant, council, 'application_received', {
      reference: application.reference,
    });
    return reply.status(201).send(application);
  });

  app.get<{ Params: IdParams }>('/v1/applications/:applicationId', async (request) => {
    return load(deps, request.params.applicationId);
  });

  app.post<{ Params: IdParams }>('/v1/applications/:applicationId/eligibility-check', async (request) => {
    const application = await load(deps, request.params.applicationId);
    const body = parse(eligibilitySchema, request.body);
    const eligibility = assessEligibility({
      dateOfBirth: application.applicant.dateOfBirth,
      assessmentDate: deps.now(),
      benefits: body.benefits,
      declaredConditions: body.declaredConditions,
      drivesRegularly: body.drivesRegularly,
    });
    const next: ApplicationStatus =
      eligibility.outcome === 'eligible_without_further_assessment' ? 'approved' : 'in_assessment';
    return transition(deps, { ...application, eligibility }, next);
  });

  app.post<{ Params: IdParams }>('/v1/applications/:applicationId/evidence', async (request, reply) => {
    const application = await load(deps, request.params.applicationId);
    const body = parse(evidenceSchema, request.body);
    const ticket = await deps.evidence.createUpload({
      councilCode: application.councilCode,
      applicationId: application.id,
      ...body,
    });
    return reply.status(201).send(ticket);
  });

  app.post<{ Params: IdParams }>('/v1/applications/:applicationId/assessment', async (request) => {
    const application = await load(deps, request.params.applicationId);
    const body = parse(assessmentSchema, request.body);
    const council = deps.councils.get(application.councilCode);
    const updated = await transition(deps, application, body.decision);
    const template =
      body.decision === 'approved' ? 'application_approved'
      : body.decision === 'rejected' ? 'application_rejected'
      : 'evidence_requested';
    await deps.notifier.notify(updated.applicant, council, template, {
      reference: updated.reference,
      reason: body.reason,
    });
    return updated;
  });

  app.post<{ Params: IdParams }>('/v1/applications/:applicationId/badge', async (request, reply) => {
    const application = await load(deps, request.params.applicationId);
    const body = parse(issueSchema, request.body ?? {});
    const council = deps.councils.get(application.councilCode);
    const today = deps.now();
    const badgeNumber = generateBadgeNumber(council.badgePrefix, await deps.nextBadgeSerial(council.code));
    const expiresOn = calculateExpiry(today, {
      dateOfBirth: application.applicant.dateOfBirth,
      benefitAwardEndsOn: body.benefitAwardEndsOn,
    });
    const updated = await transition(deps, { ...application, badgeNumber }, 'badge_issued');
    await deps.notifier.notify(updated.applicant, council, 'badge_dispatched', {
      reference: updated.reference,
      badge_number: badgeNumber,
      expiry_date: expiresOn,
    });
    return reply.status(201).send({ badgeNumber, expiresOn, application: updated });
  });
}

async function load(deps: RouteDependencies, id: string): Promise<Application> {
  const application = await deps.applications.findById(id);
  if (!application) throw new NotFoundError('application', id);
  return application;
}

async function transition(deps: RouteDependencies, application: Application, to: ApplicationStatus): Promise<Application> {
  if (!canTransition(application.status, to)) {
    throw new ConflictError(`Cannot move application from ${application.status} to ${to}`);
  }
  const decided = to === 'approved' || to === 'rejected';
  return deps.applications.update(
    { ...application, status: to, decidedAt: decided ? deps.now().toISOString() : application.decidedAt },
    application.version,
  );
}

function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, message: i.message })),
    );
  }
  return result.data;
}
