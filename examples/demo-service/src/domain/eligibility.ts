/**
 * Blue Badge eligibility rules for England.
 *
 * These rules implement the statutory criteria in the Disabled Persons (Badges
 * for Motor Vehicles) (England) Regulations 2000 as amended, and the DfT local
 * authority guidance. They are deliberately pure: no I/O, no clock. Callers
 * pass the assessment date in.
 *
 * Any change here needs review by the policy team (see CODEOWNERS) and a bump to
 * {@link CRITERIA_VERSION} so that decisions remain auditable.
 *
 * @packageDocumentation
 */

/**
 * Version of the criteria implemented by {@link assessEligibility}. Stored on
 * every {@link EligibilityResult} so that a decision can be explained later.
 */
export const CRITERIA_VERSION = '2019-08-30.3';

/** Evidence of a qualifying benefit or status, as confirmed from an award letter or DWP lookup. */
export type BenefitEvidence =
  | { kind: 'dla_higher_rate_mobility' }
  | { kind: 'pip_moving_around'; points: number }
  | { kind: 'pip_planning_journeys'; points: number; descriptor: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' }
  | { kind: 'war_pensioners_mobility_supplement' }
  | { kind: 'afcs_lump_sum'; tariffLevel: number; permanentAndSubstantial: boolean }
  | { kind: 'severely_sight_impaired' };

/** Conditions the applicant has declared that need further assessment by the council. */
export type DeclaredCondition =
  | 'walking_difficulty'
  | 'non_visible_condition'
  | 'arms_disability'
  | 'child_medical_equipment'
  | 'child_needs_to_be_near_vehicle';

/** Input to {@link assessEligibility}. */
export interface EligibilityInput {
  /** ISO 8601 calendar date of birth of the badge holder. */
  dateOfBirth: string;
  /** The date the assessment is being made. Used to work out age. */
  assessmentDate: Date;
  benefits: readonly BenefitEvidence[];
  declaredConditions: readonly DeclaredCondition[];
  /** Only relevant to the arms criterion: the applicant must drive regularly. */
  drivesRegularly?: boolean;
}

/**
 * - `eligible_without_further_assessment`: meets an automatic criterion; the council can approve straight away.
 * - `further_assessment_required`: may be eligible; an assessor must decide.
 * - `not_eligible`: meets no criterion. The applicant is told how to ask for a review.
 */
export type EligibilityOutcome =
  | 'eligible_without_further_assessment'
  | 'further_assessment_required'
  | 'not_eligible';

/** A single criterion that contributed to the outcome, for the audit trail and the decision letter. */
export interface EligibilityReason {
  criterion: string;
  automatic: boolean;
  detail: string;
}

/** The result of {@link assessEligibility}. */
export interface EligibilityResult {
  outcome: EligibilityOutcome;
  reasons: EligibilityReason[];
  criteriaVersion: string;
}

/**
 * Works out which eligibility route an applicant falls into.
 *
 * Automatic criteria are checked first; if any is met, further-assessment
 * criteria are still recorded (they help the council if the benefit award is
 * later withdrawn) but do not change the outcome.
 *
 * @param input - The applicant's age, confirmed benefits and declared conditions.
 * @returns The outcome, the reasons behind it and the criteria version used.
 *
 * @example
 * ```ts
 * const result = assessEligibility({
 *   dateOfBirth: '1958-02-11',
 *   assessmentDate: new Date('2026-03-01'),
 *   benefits: [{ kind: 'pip_moving_around', points: 10 }],
 *   declaredConditions: [],
 * });
 * result.outcome; // 'eligible_without_further_assessment'
 * ```
 */
export function assessEligibility(input: EligibilityInput): EligibilityResult {
  const reasons: EligibilityReason[] = [
    ...automaticReasons(input.benefits),
    ...furtherAssessmentReasons(input),
  ];

  const outcome: EligibilityOutcome = reasons.some((r) => r.automatic)
    ? 'eligible_without_further_assessment'
    : reasons.length > 0
      ? 'further_assessment_required'
      : 'not_eligible';

  return { outcome, reasons, criteriaVersion: CRITERIA_VERSION };
}

function automaticReasons(benefits: readonly BenefitEvidence[]): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  for (const benefit of benefits) {
    switch (benefit.kind) {
      case 'dla_higher_rate_mobility':
        reasons.push(auto('dla_hrmc', 'Receives the higher rate of the mobility component of DLA'));
        break;
      case 'pip_moving_around':
        if (benefit.points >= 8) {
          reasons.push(auto('pip_moving_around', `Scored ${benefit.points} points in the PIP "moving around" activity`));
        }
        break;
      case 'pip_planning_journeys':
        // Only descriptor E (overwhelming psychological distress) qualifies automatically.
        if (benefit.descriptor === 'E' && benefit.points >= 10) {
          reasons.push(auto('pip_planning_journeys_e', 'Scored 10 points for PIP "planning and following journeys" descriptor E'));
        }
        break;
      case 'war_pensioners_mobility_supplement':
        reasons.push(auto('wpms', "Receives War Pensioners' Mobility Supplement"));
        break;
      case 'afcs_lump_sum':
        if (benefit.tariffLevel >= 1 && benefit.tariffLevel <= 8 && benefit.permanentAndSubstantial) {
          reasons.push(auto('afcs', `Armed Forces Compensation Scheme tariff ${benefit.tariffLevel}, permanent and substantial disability`));
        }
        break;
      case 'severely_sight_impaired':
        reasons.push(auto('ssi', 'Registered as severely sight impaired'));
        break;
    }
  }
  return reasons;
}

function furtherAssessmentReasons(input: EligibilityInput): EligibilityReason[] {
  const age = ageInYears(input.dateOfBirth, input.assessmentDate);
  const reasons: EligibilityReason[] = [];

  for (const condition of input.declaredConditions) {
    switch (condition) {
      case 'walking_difficulty':
        reasons.push(further('walking', 'Declared a permanent and substantial difficulty walking'));
        break;
      case 'non_visible_condition':
        reasons.push(further('non_visible', 'Declared a non-visible (hidden) condition affecting journeys'));
        break;
      case 'arms_disability':
        if (input.drivesRegularly && age >= 2) {
          reasons.push(further('arms', 'Severe disability in both arms and drives regularly'));
        }
        break;
      case 'child_medical_equipment':
      case 'child_needs_to_be_near_vehicle':
        // Children's criteria only apply below the third birthday.
        if (age < 3) {
          reasons.push(further('child_under_3', 'Child under 3 with a qualifying medical need'));
        }
        break;
    }
  }
  return reasons;
}

/**
 * Whole years between a date of birth and a given date.
 *
 * @param dateOfBirth - ISO 8601 calendar date.
 * @param on - The date to measure age on.
 * @returns Age in completed years.
 */
export function ageInYears(dateOfBirth: string, on: Date): number {
  const dob = new Date(`${dateOfBirth}T00:00:00Z`);
  let age = on.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < dob.getUTCMonth() ||
    (on.getUTCMonth() === dob.getUTCMonth() && on.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

const auto = (criterion: string, detail: string): EligibilityReason => ({ criterion, automatic: true, detail });
const further = (criterion: string, detail: string): EligibilityReason => ({ criterion, automatic: false, detail });
