import type { ReadinessAreaId } from '../../model/schemas/readiness.ts';
import type { ReadinessRule } from '../rule.ts';
import { adrHasDate } from './adr-has-date.ts';
import { adrHasStatus } from './adr-has-status.ts';
import { adrsExist } from './adrs-exist.ts';
import { alertHasRunbook } from './alert-has-runbook.ts';
import { apiDocumented } from './api-documented.ts';
import { debtHasImpact } from './debt-has-impact.ts';
import { debtHasOwner } from './debt-has-owner.ts';
import { dependencyUpdates } from './dependency-updates.ts';
import { escalationContact } from './escalation-contact.ts';
import { outcomeIsMeasured } from './outcome-is-measured.ts';
import { outcomesDefined } from './outcomes-defined.ts';
import { ownerContact } from './owner-contact.ts';
import { runbookReviewed } from './runbook-reviewed.ts';
import { supersededNamesSuccessor } from './superseded-names-successor.ts';
import { threatModel } from './threat-model.ts';
import { trainingPath } from './training-path.ts';

/** The areas, in the order reports show them, with their titles. */
export const AREAS: { id: ReadinessAreaId; title: string }[] = [
  { id: 'operations', title: 'Operations' },
  { id: 'decisions', title: 'Decisions' },
  { id: 'debt', title: 'Technical debt' },
  { id: 'api', title: 'API' },
  { id: 'ownership', title: 'Ownership' },
  { id: 'outcomes', title: 'Outcomes' },
  { id: 'security', title: 'Security' },
  { id: 'training', title: 'Training' },
];

/** Every readiness rule (README: "Readiness rules" lists them). */
export const RULES: readonly ReadinessRule[] = [
  alertHasRunbook,
  runbookReviewed,
  adrsExist,
  adrHasStatus,
  adrHasDate,
  supersededNamesSuccessor,
  debtHasOwner,
  debtHasImpact,
  apiDocumented,
  ownerContact,
  escalationContact,
  outcomesDefined,
  outcomeIsMeasured,
  threatModel,
  dependencyUpdates,
  trainingPath,
];
