/**
 * Accounts and sessions: scrypt passwords, sessions stored in the database (they survive restarts and work across
 * app instances), throttled logins per account and per address, an optional TOTP second factor that an organisation
 * can require for its DPOs and admins, logout everywhere.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import { appendAudit } from '../db/audit.repository.ts';
import {
  findOrganisation,
  findOrganisationByName,
  insertOrganisation,
} from '../db/organisation.repository.ts';
import {
  clearRateEvents,
  completeSecondFactor,
  countRateEvents,
  countUsers,
  deleteSession,
  deleteSessionsOf,
  findLiveSession,
  findUser,
  findUserByEmail,
  insertSession,
  insertUser,
  membershipsOf,
  recordRateEvent,
  type SessionMembership,
  touchSession,
  updateUser,
  upsertMembership,
} from '../db/user.repository.ts';
import { DomainError } from '../domain/errors.ts';
import type { Role } from '../domain/permissions.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import type { ServiceContext } from './service-context.ts';

export const passwordSchema = z.string().min(10).max(200);
export const emailSchema = z
  .email()
  .max(200)
  .transform((e) => e.trim().toLowerCase());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const isUuid = (text: string) => z.uuid().safeParse(text).success;
const token = () => randomBytes(32).toString('base64url');

export type SessionUser = {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  lang: string;
  csrfToken: string;
  secondFactorPending: boolean;
  totpEnabled: boolean;
  /** The user's role in each organisation, read with the session. */
  roles: SessionMembership[];
};

export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; password: string; organisation?: string; role?: Role },
) {
  const email = emailSchema.parse(input.email);
  passwordSchema.parse(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw new DomainError('conflict.email-taken');
    const user = await insertUser(trx, {
      email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (input.organisation) {
      const organisation =
        (isUuid(input.organisation) ? await findOrganisation(trx, input.organisation) : undefined) ??
        (await findOrganisationByName(trx, input.organisation)) ??
        (await insertOrganisation(trx, { name: input.organisation }, token()));
      const role = input.role ?? 'admin';
      await upsertMembership(trx, { userId: user.id, organisationId: organisation.id, role });
      await appendAudit(trx, {
        organisationId: organisation.id,
        actorId: null,
        actorLabel: 'incydent (system)',
        action: 'member.added',
        entity: 'user',
        entityId: user.id,
        after: { email, name: input.name, role },
        at: ctx.now(),
      });
      return { user, organisationId: organisation.id, role };
    }
    return { user, organisationId: null, role: null };
  });
}

export async function needsSetup(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

export async function login(
  ctx: ServiceContext,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionUser }> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const since = new Date(now.getTime() - ctx.config.loginWindowMinutes * 60_000);
  const accountKey = `login-fail:account:${email}`;
  const addressKey = `login-fail:address:${input.ip ?? 'unknown'}`;
  const [accountFailures, addressFailures] = [
    await countRateEvents(ctx.db, accountKey, since),
    await countRateEvents(ctx.db, addressKey, since),
  ];
  if (
    accountFailures >= ctx.config.loginMaxFailuresPerAccount ||
    addressFailures >= ctx.config.loginMaxFailuresPerAddress
  ) {
    throw new DomainError('auth.throttled', { minutes: ctx.config.loginWindowMinutes });
  }
  const user = await findUserByEmail(ctx.db, email);
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabled_at) {
    await recordRateEvent(ctx.db, accountKey, now);
    await recordRateEvent(ctx.db, addressKey, now);
    throw new DomainError('auth.invalid-credentials');
  }
  await clearRateEvents(ctx.db, accountKey);
  const secret = token();
  const csrfToken = token();
  const sessionId = sha256(secret);
  await insertSession(ctx.db, {
    id: sessionId,
    userId: user.id,
    csrfToken,
    secondFactorPending: user.totp_enabled,
    expiresAt: new Date(now.getTime() + ctx.config.sessionHours * 3_600_000),
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return {
    token: secret,
    session: {
      sessionId,
      userId: user.id,
      email: user.email,
      name: user.name,
      lang: user.lang,
      csrfToken,
      secondFactorPending: user.totp_enabled,
      totpEnabled: user.totp_enabled,
      roles: [],
    },
  };
}

/** A session's expiry moves with use, written at most once a minute. */
const touchAfterMs = 60_000;

/** The live session of a cookie token, extending it while in use (at most one write a minute). */
export async function sessionOf(ctx: ServiceContext, secret: string): Promise<SessionUser | null> {
  const now = ctx.now();
  const id = sha256(secret);
  const cached = ctx.sessions?.get(id, now, touchAfterMs);
  if (cached) return cached;
  const writesBefore = ctx.sessions?.mark();
  const session = await findLiveSession(ctx.db, id, now);
  if (!session) return null;
  const user: SessionUser = {
    sessionId: session.id,
    userId: session.user_id,
    email: session.email,
    name: session.name,
    lang: session.lang,
    csrfToken: session.csrf_token,
    secondFactorPending: session.second_factor_pending,
    totpEnabled: session.totp_enabled,
    roles: session.roles ?? [],
  };
  if (now.getTime() - new Date(session.last_seen_at).getTime() > touchAfterMs) {
    // A write: the next request reads the session afresh, with its new expiry, and may keep it.
    await touchSession(
      ctx.db,
      session.id,
      now,
      new Date(now.getTime() + ctx.config.sessionHours * 3_600_000),
    );
  } else if (writesBefore !== undefined) {
    ctx.sessions?.set(id, {
      user,
      writesBefore,
      expiresAt: new Date(session.expires_at).getTime(),
      lastSeenAt: new Date(session.last_seen_at).getTime(),
    });
  }
  return user;
}

function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: 'incydent',
    label,
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
}

export async function verifySecondFactor(
  ctx: ServiceContext,
  session: SessionUser,
  code: string,
): Promise<void> {
  const user = await findUser(ctx.db, session.userId);
  if (!user?.totp_secret || !user.totp_enabled) throw new DomainError('auth.second-factor-invalid');
  const delta = totpFor(user.totp_secret, user.email).validate({
    token: code.replace(/\s/g, ''),
    timestamp: ctx.now().getTime(),
    window: 1,
  });
  if (delta === null) throw new DomainError('auth.second-factor-invalid');
  await completeSecondFactor(ctx.db, session.sessionId);
}

/** Starts enrolment: a new secret, not active until a code from it is confirmed. */
export async function enrolSecondFactor(
  ctx: ServiceContext,
  session: SessionUser,
): Promise<{ secret: string; uri: string }> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await updateUser(ctx.db, session.userId, { totp_secret: secret, totp_enabled: false });
  return { secret, uri: totpFor(secret, session.email).toString() };
}

export async function confirmSecondFactor(
  ctx: ServiceContext,
  session: SessionUser,
  code: string,
): Promise<void> {
  const user = await findUser(ctx.db, session.userId);
  if (!user?.totp_secret) throw new DomainError('auth.second-factor-invalid');
  const delta = totpFor(user.totp_secret, user.email).validate({
    token: code.replace(/\s/g, ''),
    timestamp: ctx.now().getTime(),
    window: 1,
  });
  if (delta === null) throw new DomainError('auth.second-factor-invalid');
  await updateUser(ctx.db, session.userId, { totp_enabled: true });
}

export async function logout(ctx: ServiceContext, session: SessionUser): Promise<void> {
  await deleteSession(ctx.db, session.sessionId);
}

export async function logoutEverywhere(ctx: ServiceContext, session: SessionUser): Promise<number> {
  return deleteSessionsOf(ctx.db, session.userId);
}

export async function membershipsFor(ctx: ServiceContext, userId: string) {
  return membershipsOf(ctx.db, userId);
}

/** The TOTP code of a secret at an instant: for tests and for the CLI's account recovery. */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: at.getTime() });
}
