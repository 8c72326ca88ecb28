/**
 * Directory of councils onboarded to the service.
 *
 * Loaded at start-up from `config/councils.json`, which is maintained by the
 * onboarding team. A council that is not in the directory cannot receive
 * applications.
 *
 * @packageDocumentation
 */

import { readFile } from 'node:fs/promises';
import type { CouncilCode } from '../domain/application.js';
import { NotFoundError } from '../http/errors.js';

/** How a council carries out further assessments. */
export type AssessmentMode = 'desk_based' | 'independent_mobility_assessor' | 'mixed';

/** A council that issues Blue Badges through this service. */
export interface Council {
  code: CouncilCode;
  name: string;
  /** Two-letter prefix used in badge numbers. Agreed with the card supplier; never reused. */
  badgePrefix: string;
  /** Shared mailbox for the council's Blue Badge team. Used for operational alerts, not applicants. */
  teamEmail: string;
  /** GOV.UK Notify reply-to ID, so applicants' replies go to the council, not to us. */
  notifyReplyToId?: string;
  assessmentMode: AssessmentMode;
  /** Date the council went live; applications before this date are rejected. */
  liveFrom: string;
}

/**
 * In-memory lookup of onboarded councils.
 *
 * @example
 * ```ts
 * const directory = await CouncilDirectory.fromFile('config/councils.json');
 * directory.get('E06000099').badgePrefix; // 'HB'
 * ```
 */
export class CouncilDirectory {
  private readonly byCode: ReadonlyMap<CouncilCode, Council>;

  /** @param councils - Every onboarded council. Codes must be unique. */
  constructor(councils: readonly Council[]) {
    this.byCode = new Map(councils.map((c) => [c.code, c]));
  }

  /**
   * Loads the directory from a JSON file containing an array of {@link Council}.
   *
   * @param path - Path to the JSON file.
   * @returns A ready-to-use directory.
   */
  static async fromFile(path: string): Promise<CouncilDirectory> {
    // Every new council currently needs a deploy; see TD-002 in docs/debt.
    const raw = JSON.parse(await readFile(path, 'utf8')) as Council[];
    return new CouncilDirectory(raw);
  }

  /**
   * Looks up a council by its GSS code.
   *
   * @param code - GSS code, e.g. `E06000099`.
   * @returns The council.
   * @throws {@link NotFoundError} if the council is not onboarded.
   */
  get(code: CouncilCode): Council {
    // HACK: two councils' case-management systems send the code with trailing
    // whitespace and lower case. Normalise here until they fix their exports.
    const council = this.byCode.get(code.trim().toUpperCase());
    if (!council) throw new NotFoundError('council', code);
    return council;
  }

  /**
   * Whether a council is accepting applications on a given date.
   *
   * @param code - GSS code.
   * @param on - The date to check, normally today.
   * @returns `true` if onboarded and live on or before `on`.
   */
  isLive(code: CouncilCode, on: Date): boolean {
    const council = this.byCode.get(code);
    return council !== undefined && new Date(council.liveFrom) <= on;
  }

  /** @returns every onboarded council, in no particular order. */
  all(): Council[] {
    return [...this.byCode.values()];
  }
}
