import { type Kysely, sql } from 'kysely';
import { breachYear, registerRowColumns } from './breach.repository.ts';
import type { Database } from './schema.ts';

/**
 * Queries of the inbox and the dashboard. Both read the few columns that deadlines and charts need, for the
 * organisations the caller may read; the counting is done by the service with the domain's own deadline rules.
 */

/** Incidents and breaches with what the deadline and the charts need; `year` by Warsaw awareness (or report) date. */
export async function breachFiguresOf(
  db: Kysely<Database>,
  filter: { organisationIds: readonly string[]; year?: number | undefined },
) {
  if (filter.organisationIds.length === 0) return [];
  let query = db
    .selectFrom('breaches')
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .where('breaches.organisation_id', 'in', [...filter.organisationIds]);
  if (filter.year !== undefined) {
    query = query.where(breachYear, '=', filter.year);
  }
  return query
    .select([...registerRowColumns, sql<string | null>`breaches.details->>'cause'`.as('cause')])
    .orderBy('breaches.created_at', 'desc')
    .orderBy('breaches.id')
    .execute();
}

/** Corrective and preventive actions not yet done or cancelled, earliest due date first. */
export async function openActionsOf(db: Kysely<Database>, organisationIds: readonly string[], limit: number) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('actions')
    .innerJoin('breaches', 'breaches.id', 'actions.breach_id')
    .where('actions.organisation_id', 'in', [...organisationIds])
    .where('actions.status', 'in', ['planned', 'in-progress'])
    .select([
      'actions.id',
      'actions.organisation_id',
      'actions.breach_id',
      'actions.kind',
      'actions.description',
      'actions.owner',
      'actions.due_date',
      'actions.status',
      'breaches.reference',
      'breaches.title',
    ])
    .orderBy(sql`actions.due_date asc nulls last`)
    .orderBy('actions.created_at')
    .limit(limit)
    .execute();
}
