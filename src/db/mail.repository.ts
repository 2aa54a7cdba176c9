/**
 * The e-mail outbox, the communication batches, users' mail settings, and the reads the mail sweep and the
 * calendar feed need. Only this file knows their SQL.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Role } from '../domain/permissions.ts';
import type { Database, MailOutboxTable } from './schema.ts';

type Db = Kysely<Database>;
export type NewOutboxRow = Insertable<MailOutboxTable>;
export type OutboxRow = Awaited<ReturnType<typeof claimDueMail>>[number];

/** Which of these dedupe keys are already in the outbox (queued, sent, failed or skipped). */
export async function existingMailKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('mail_outbox')
    .select('dedupe_key')
    .where('dedupe_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.dedupe_key));
}

/** Queues messages once: a row whose dedupe key exists already is left out. Returns the keys inserted. */
export async function enqueueMail(db: Db, rows: readonly NewOutboxRow[]): Promise<string[]> {
  const inserted: string[] = [];
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const result = await db
      .insertInto('mail_outbox')
      .values([...chunk])
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('dedupe_key')
      .execute();
    inserted.push(...result.map((r) => r.dedupe_key));
  }
  return inserted;
}

const claimColumns = [
  'id',
  'kind',
  'batch_id',
  'recipient',
  'subject',
  'text_body',
  'html_body',
  'message_id',
  'attempts',
  'created_at',
] as const;

/**
 * Claims up to `limit` due messages for this sender: queued ones, failed ones whose retry time has come, and ones
 * left "sending" before `staleBefore` by an instance that stopped mid-send. `for update skip locked` lets two
 * instances claim at once without taking the same row; once claimed a row is "sending" and nobody else takes it
 * until it is stale.
 */
export async function claimDueMail(db: Db, options: { now: Date; staleBefore: Date; limit: number }) {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', 'in', ['queued', 'failed']), eb('next_attempt_at', '<=', options.now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', options.staleBefore)]),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const claimed = await trx
      .updateTable('mail_outbox')
      .set((eb) => ({ status: 'sending', claimed_at: options.now, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returning(claimColumns)
      .execute();
    return claimed.sort(
      (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1),
    );
  });
}

export async function markMailSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: at, last_error: null, next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: `retryAt` null means it will not be tried again. */
export async function markMailFailed(db: Db, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'failed', last_error: error, next_attempt_at: retryAt })
    .where('id', '=', id)
    .execute();
}

/** Gives back rows claimed but not attempted (a sender stopping cleanly): due again at once. */
export async function releaseMail(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({
      status: 'queued',
      claimed_at: null,
      next_attempt_at: now,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', 'in', [...ids])
    .where('status', '=', 'sending')
    .execute();
}

/** Active members of an organisation with one of the roles, with their e-mail and language. */
export async function membersWithRoles(db: Db, organisationId: string, roles: readonly Role[]) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.lang'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', [...roles])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
}

/** What a message about a breach says of it. */
export async function breachForMail(db: Db, breachId: string) {
  return db
    .selectFrom('breaches')
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .select([
      'breaches.id',
      'breaches.organisation_id',
      'breaches.reference',
      'breaches.title',
      'breaches.aware_at',
      'breaches.created_at',
      'breaches.details',
      'organisations.name as organisation_name',
    ])
    .where('breaches.id', '=', breachId)
    .executeTakeFirst();
}

/** Breaches whose 72-hour clock runs, with their organisation's reminder thresholds. */
export async function breachesForReminders(db: Db) {
  return db
    .selectFrom('breaches')
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .select([
      'breaches.id',
      'breaches.organisation_id',
      'breaches.reference',
      'breaches.title',
      'breaches.aware_at',
      'organisations.name as organisation_name',
      'organisations.reminder_thresholds',
    ])
    .where('breaches.aware_at', 'is not', null)
    .where('breaches.first_notified_at', 'is', null)
    .where('breaches.authority_decision', 'is', null)
    .where('breaches.status', 'not in', ['closed', 'not-a-breach'])
    .execute();
}

/** Open actions due on or before `today` (a Warsaw calendar date). */
export async function actionsDueBy(db: Db, today: string) {
  return db
    .selectFrom('actions')
    .innerJoin('breaches', 'breaches.id', 'actions.breach_id')
    .innerJoin('organisations', 'organisations.id', 'actions.organisation_id')
    .select([
      'actions.id',
      'actions.organisation_id',
      'actions.breach_id',
      'actions.description',
      'actions.due_date',
      'breaches.reference',
      'breaches.title',
      'organisations.name as organisation_name',
    ])
    .where('actions.status', 'in', ['planned', 'in-progress'])
    .where('actions.due_date', '<=', today)
    .execute();
}

/** Users who chose the daily digest, with the organisations where they read breaches. */
export async function digestSubscribers(db: Db, readerRoles: readonly Role[]) {
  const rows = await db
    .selectFrom('mail_user_settings')
    .innerJoin('users', 'users.id', 'mail_user_settings.user_id')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.lang', 'memberships.organisation_id'])
    .where('mail_user_settings.daily_digest', '=', true)
    .where('users.disabled_at', 'is', null)
    .where('memberships.role', 'in', [...readerRoles])
    .execute();
  const users = new Map<
    string,
    { id: string; email: string; name: string; lang: string; organisationIds: string[] }
  >();
  for (const row of rows) {
    const user = users.get(row.id) ?? {
      id: row.id,
      email: row.email,
      name: row.name,
      lang: row.lang,
      organisationIds: [],
    };
    user.organisationIds.push(row.organisation_id);
    users.set(row.id, user);
  }
  return [...users.values()];
}

/** Open reports waiting for triage in the organisations. */
export async function reportsAwaitingTriage(db: Db, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('breaches')
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .select([
      'breaches.id',
      'breaches.reference',
      'breaches.title',
      'organisations.name as organisation_name',
    ])
    .where('breaches.organisation_id', 'in', [...organisationIds])
    .where('breaches.status', 'in', ['reported', 'triage'])
    .orderBy('breaches.created_at')
    .execute();
}

/** What the calendar feed lists: the 72-hour deadlines still running and every open action with a due date. */
export async function calendarEntries(db: Db, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return { deadlines: [], actions: [] };
  const deadlines = await db
    .selectFrom('breaches')
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .select([
      'breaches.id',
      'breaches.organisation_id',
      'breaches.reference',
      'breaches.title',
      'breaches.aware_at',
      'breaches.first_notified_at',
      'breaches.authority_decision',
      'breaches.status',
      'organisations.name as organisation_name',
    ])
    .where('breaches.organisation_id', 'in', [...organisationIds])
    .where('breaches.aware_at', 'is not', null)
    .orderBy('breaches.aware_at')
    .execute();
  const actions = await db
    .selectFrom('actions')
    .innerJoin('breaches', 'breaches.id', 'actions.breach_id')
    .innerJoin('organisations', 'organisations.id', 'actions.organisation_id')
    .select([
      'actions.id',
      'actions.organisation_id',
      'actions.breach_id',
      'actions.description',
      'actions.due_date',
      'actions.status',
      'breaches.reference',
      'organisations.name as organisation_name',
    ])
    .where('actions.organisation_id', 'in', [...organisationIds])
    .where('actions.due_date', 'is not', null)
    .orderBy('actions.due_date')
    .execute();
  return { deadlines, actions };
}

export async function mailSettingsOf(db: Db, userId: string) {
  return db.selectFrom('mail_user_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveMailSettings(
  db: Db,
  userId: string,
  values: { daily_digest?: boolean; calendar_token_hash?: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('mail_user_settings')
    .values({ user_id: userId, ...values, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: now }))
    .execute();
}

export async function userByCalendarToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('mail_user_settings')
    .innerJoin('users', 'users.id', 'mail_user_settings.user_id')
    .select(['users.id', 'users.lang', 'users.disabled_at'])
    .where('mail_user_settings.calendar_token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The people list a finished leak analysis kept (CSV bytes), or undefined. */
export async function scanPeopleList(db: Db, organisationId: string, breachId: string, scanId: string) {
  return db
    .selectFrom('scans')
    .select(['id', 'status', 'people'])
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .where('id', '=', scanId)
    .executeTakeFirst();
}

export async function insertMailBatch(db: Db, values: Insertable<Database['mail_batches']>) {
  return db.insertInto('mail_batches').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function setMailBatchTotals(
  db: Db,
  id: string,
  values: { total: number; skipped: string; status: 'running' | 'done'; finished_at: Date | null },
): Promise<void> {
  await db.updateTable('mail_batches').set(values).where('id', '=', id).execute();
}

export async function findMailBatch(db: Db, organisationId: string, breachId: string, id: string) {
  return db
    .selectFrom('mail_batches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listMailBatches(db: Db, organisationId: string, breachId: string) {
  return db
    .selectFrom('mail_batches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .orderBy('started_at', 'desc')
    .execute();
}

export type BatchCounts = { queued: number; sending: number; sent: number; retrying: number; failed: number };

/** How far each batch is: failed rows with a retry time are "retrying", without one "failed" for good. */
export async function mailBatchCounts(
  db: Db,
  batchIds: readonly string[],
): Promise<Map<string, BatchCounts>> {
  const counts = new Map<string, BatchCounts>();
  for (const id of batchIds) counts.set(id, { queued: 0, sending: 0, sent: 0, retrying: 0, failed: 0 });
  if (batchIds.length === 0) return counts;
  const rows = await db
    .selectFrom('mail_outbox')
    .select([
      'batch_id',
      'status',
      sql<boolean>`next_attempt_at is not null`.as('will_retry'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('batch_id', 'in', [...batchIds])
    .groupBy(['batch_id', 'status', sql`next_attempt_at is not null`])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.batch_id ?? '');
    if (!entry) continue;
    if (row.status === 'queued') entry.queued += row.n;
    else if (row.status === 'sending') entry.sending += row.n;
    else if (row.status === 'sent') entry.sent += row.n;
    else if (row.status === 'failed') {
      if (row.will_retry) entry.retrying += row.n;
      else entry.failed += row.n;
    }
  }
  return counts;
}

export async function mailBatchRecipients(
  db: Db,
  batchId: string,
  options: { status?: string; limit: number; offset: number },
) {
  let query = db
    .selectFrom('mail_outbox')
    .select([
      'recipient',
      'recipient_name',
      'status',
      'attempts',
      'last_error',
      'next_attempt_at',
      'sent_at',
      'message_id',
    ])
    .where('batch_id', '=', batchId);
  if (options.status) query = query.where('status', '=', options.status as 'queued');
  return query.orderBy('created_at').orderBy('id').limit(options.limit).offset(options.offset).execute();
}

export async function runningMailBatchIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('mail_batches').select('id').where('status', '=', 'running').execute();
  return rows.map((r) => r.id);
}

/** The batch, locked, if still running: the one instance that gets it records the outcome. */
export async function lockRunningMailBatch(db: Db, id: string) {
  return db
    .selectFrom('mail_batches')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
}

/** All e-mails of this breach's communications delivered so far: how many people, first and last. */
export async function communicationDeliveries(db: Db, breachId: string) {
  return db
    .selectFrom('mail_outbox')
    .select([
      sql<number>`count(*)::int`.as('sent'),
      sql<Date | null>`min(sent_at)`.as('first_sent_at'),
      sql<Date | null>`max(sent_at)`.as('last_sent_at'),
    ])
    .where('breach_id', '=', breachId)
    .where('kind', '=', 'subject-communication')
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
}

export async function finishMailBatch(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('mail_batches')
    .set({ status: 'done', finished_at: at })
    .where('id', '=', id)
    .execute();
}
