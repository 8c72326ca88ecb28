/**
 * PostgreSQL persistence for applications. Internal: not exported from the package.
 *
 * @packageDocumentation
 */

import type pg from 'pg';
import type { Application, ApplicationRepository } from '../domain/application.js';
import { ConflictError } from '../http/errors.js';

/** {@link ApplicationRepository} backed by the `applications` table (JSONB `applicant` column). */
export class PostgresApplicationRepository implements ApplicationRepository {
  /** @param pool - Shared connection pool. */
  constructor(private readonly pool: pg.Pool) {}

  async findById(id: string): Promise<Application | undefined> {
    const { rows } = await this.pool.query<{ doc: Application }>(
      'select doc from applications where id = $1',
      [id],
    );
    return rows[0]?.doc;
  }

  async create(application: Omit<Application, 'id' | 'reference' | 'version'>): Promise<Application> {
    const { rows } = await this.pool.query<{ doc: Application }>(
      `insert into applications (council_code, status, doc)
       values ($1, $2, $3)
       returning doc || jsonb_build_object('id', id, 'reference', reference, 'version', version) as doc`,
      [application.councilCode, application.status, application],
    );
    return rows[0]!.doc;
  }

  async update(application: Application, expectedVersion: number): Promise<Application> {
    const { rows } = await this.pool.query<{ doc: Application }>(
      `update applications
          set status = $2, doc = $3, version = version + 1, updated_at = now()
        where id = $1 and version = $4
        returning doc || jsonb_build_object('version', version) as doc`,
      [application.id, application.status, application, expectedVersion],
    );
    if (rows.length === 0) {
      throw new ConflictError(`Application ${application.id} was changed by someone else; reload and try again`);
    }
    return rows[0]!.doc;
  }
}

/**
 * Takes the next value from the council's badge serial sequence (`badge_serial_<code>`),
 * created when the council is onboarded.
 *
 * @param pool - Connection pool.
 * @param councilCode - GSS code of the issuing council.
 * @returns The next serial number.
 */
export async function nextBadgeSerial(pool: pg.Pool, councilCode: string): Promise<number> {
  const sequence = `badge_serial_${councilCode.toLowerCase()}`;
  const { rows } = await pool.query<{ n: string }>('select nextval($1::regclass) as n', [sequence]);
  return Number(rows[0]!.n);
}
