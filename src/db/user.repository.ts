import { type Kysely, sql } from 'kysely';
import type { Role } from '../domain/permissions.ts';
import type { Database, UserRow } from './schema.ts';

export type Membership = { organisationId: string; organisationName: string; role: Role };

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; passwordHash: string; lang?: string },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      totp_secret: null,
      lang: user.lang ?? 'pl',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  values: Partial<{
    name: string;
    password_hash: string;
    totp_secret: string | null;
    totp_enabled: boolean;
    lang: string;
  }>,
): Promise<UserRow> {
  return db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function upsertMembership(
  db: Kysely<Database>,
  membership: { userId: string; organisationId: string; role: Role },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: membership.userId, organisation_id: membership.organisationId, role: membership.role })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet({ role: membership.role }))
    .execute();
}

export async function deleteMembership(
  db: Kysely<Database>,
  userId: string,
  organisationId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function membershipsOf(db: Kysely<Database>, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'organisations.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, role: r.role }));
}

export async function membersOf(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.totp_enabled', 'memberships.role'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .execute();
}

export async function insertSession(
  db: Kysely<Database>,
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    secondFactorPending: boolean;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      second_factor_pending: session.secondFactorPending,
      expires_at: session.expiresAt,
      last_seen_at: new Date(),
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** A membership as a session carries it. */
export type SessionMembership = {
  organisationId: string;
  role: Role;
  requireTotp: boolean;
  registerVersion: number;
};

/** The session with this id if it is live at `now`, with its user and memberships (the function of migration 0004). */
export async function findLiveSession(db: Kysely<Database>, id: string, now: Date) {
  const result = await sql<{
    id: string;
    user_id: string;
    csrf_token: string;
    second_factor_pending: boolean;
    expires_at: Date;
    last_seen_at: Date;
    email: string;
    name: string;
    lang: string;
    totp_enabled: boolean;
    roles: SessionMembership[] | null;
  }>`select * from live_session(${id}, ${now})`.execute(db);
  return result.rows[0];
}

export async function touchSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function completeSecondFactor(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('sessions').set({ second_factor_pending: false }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Events counted for throttling (failed logins, public reports), shared by every app instance. */
export async function recordRateEvent(db: Kysely<Database>, key: string, at: Date): Promise<void> {
  await db.insertInto('rate_events').values({ key, at }).execute();
}

export async function countRateEvents(db: Kysely<Database>, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('rate_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function clearRateEvents(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_events').where('key', '=', key).execute();
}

export async function pruneRateEventsAndSessions(
  db: Kysely<Database>,
  before: Date,
  now: Date,
): Promise<void> {
  await db.deleteFrom('rate_events').where('at', '<', before).execute();
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
