import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ScansTable } from './schema.ts';

const summaryColumns = [
  'id',
  'breach_id',
  'status',
  'source',
  'bytes_done',
  'bytes_total',
  'result',
  'error',
  'started_by_label',
  'started_at',
  'updated_at',
  'finished_at',
] as const;

export async function insertScan(db: Kysely<Database>, values: Insertable<ScansTable>) {
  return db.insertInto('scans').values(values).returning(summaryColumns).executeTakeFirstOrThrow();
}

export async function updateScan(
  db: Kysely<Database>,
  id: string,
  values: Updateable<ScansTable>,
): Promise<void> {
  await db.updateTable('scans').set(values).where('id', '=', id).execute();
}

/** Updates a scan only while it runs (not once it was cancelled or failed); tells whether it still ran. */
export async function updateRunningScan(
  db: Kysely<Database>,
  id: string,
  values: Updateable<ScansTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('scans')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findScan(db: Kysely<Database>, organisationId: string, breachId: string, id: string) {
  return db
    .selectFrom('scans')
    .select(summaryColumns)
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listScans(db: Kysely<Database>, organisationId: string, breachId: string) {
  return db
    .selectFrom('scans')
    .select(summaryColumns)
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .orderBy('started_at', 'desc')
    .execute();
}

/** Scans left "running" by an instance that stopped: nothing will finish them. */
export async function failStaleScans(
  db: Kysely<Database>,
  before: Date,
  now: Date,
  error: string,
): Promise<number> {
  const result = await db
    .updateTable('scans')
    .set({ status: 'failed', error, finished_at: now, updated_at: now })
    .where('status', '=', 'running')
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Forgets the people lists of scans finished before `before`: identifiers are kept no longer than needed. */
export async function purgeScanPeople(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .updateTable('scans')
    .set({ people: null })
    .where('people', 'is not', null)
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
