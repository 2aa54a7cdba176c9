import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../db/audit.repository.ts';
import {
  findOrganisation,
  insertOrganisation,
  type OrganisationData,
  organisationDataOf,
  updateOrganisation,
} from '../db/organisation.repository.ts';
import {
  deleteMembership,
  findUserByEmail,
  insertUser,
  membersOf,
  upsertMembership,
} from '../db/user.repository.ts';
import { addressSchema } from '../domain/breach-case.ts';
import { DomainError } from '../domain/errors.ts';
import { type Role, roles } from '../domain/permissions.ts';
import { emailSchema, passwordSchema } from './auth.service.ts';
import { hashPassword } from './password.ts';
import type { Actor, ServiceContext } from './service-context.ts';

const short = z.string().trim().max(500);

export const organisationInputSchema = z.object({
  name: short.min(1),
  regon: short
    .regex(/^(\d{9}|\d{14})$/)
    .nullable()
    .optional(),
  nip: short
    .regex(/^\d{3}-?\d{3}-?\d{2}-?\d{2}$|^\d{10}$/)
    .nullable()
    .optional(),
  krs: short.nullable().optional(),
  sector: z
    .object({ kind: z.enum(['public', 'private']), name: short })
    .nullable()
    .optional(),
  address: addressSchema.partial().optional(),
  representatives: z.array(z.object({ name: short.min(1), position: short })).optional(),
  dpo: z
    .object({ name: short.min(1), phone: short.nullable(), email: z.email().nullable() })
    .nullable()
    .optional(),
  contactPoint: z.string().trim().max(5000).nullable().optional(),
  requireTotp: z.boolean().optional(),
  dueSoonHours: z.number().int().min(1).max(72).optional(),
  criticalHours: z.number().int().min(0).max(72).optional(),
  reminderThresholds: z.array(z.number().int().min(0).max(72)).max(10).optional(),
});
export const organisationUpdateSchema = organisationInputSchema.partial();

export const memberInputSchema = z.object({
  email: emailSchema,
  role: z.enum(roles),
  name: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema.optional(),
});

export function presentOrganisationSettings(row: Awaited<ReturnType<typeof findOrganisation>> & object) {
  return { id: row.id, reportToken: row.report_token, ...organisationDataOf(row) };
}

function dataOf(input: z.output<typeof organisationUpdateSchema>): Partial<OrganisationData> {
  const { address, ...rest } = input;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(address !== undefined ? { address: address as Record<string, string | null> } : {}),
  } as Partial<OrganisationData>;
}

/** A new organisation; its creator becomes its admin (a DPO serving many sets up each one). */
export async function createOrganisation(
  ctx: ServiceContext,
  user: { userId: string; label: string },
  input: z.output<typeof organisationInputSchema>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertOrganisation(
      trx,
      { ...dataOf(input), name: input.name },
      randomBytes(18).toString('base64url'),
    );
    await upsertMembership(trx, { userId: user.userId, organisationId: row.id, role: 'admin' });
    await appendAudit(trx, {
      organisationId: row.id,
      actorId: user.userId,
      actorLabel: user.label,
      action: 'organisation.created',
      entity: 'organisation',
      entityId: row.id,
      after: organisationDataOf(row),
      at: ctx.now(),
    });
    return presentOrganisationSettings(row);
  });
}

export async function readOrganisation(ctx: ServiceContext, actor: Actor) {
  const row = await findOrganisation(ctx.db, actor.organisationId);
  if (!row) throw new DomainError('not-found');
  return presentOrganisationSettings(row);
}

export async function changeOrganisation(
  ctx: ServiceContext,
  actor: Actor,
  input: z.output<typeof organisationUpdateSchema>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findOrganisation(trx, actor.organisationId);
    if (!before) throw new DomainError('not-found');
    const data = dataOf(input);
    if (data.address) data.address = { ...before.address, ...data.address };
    const row = await updateOrganisation(trx, actor.organisationId, data);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'organisation.updated',
      entity: 'organisation',
      entityId: actor.organisationId,
      before: organisationDataOf(before),
      after: organisationDataOf(row),
      at: ctx.now(),
    });
    return presentOrganisationSettings(row);
  });
}

export async function listMembers(ctx: ServiceContext, actor: Actor) {
  const rows = await membersOf(ctx.db, actor.organisationId);
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    totpEnabled: r.totp_enabled,
  }));
}

/** Adds a person by e-mail (creating the account when a password is given) or changes their role. */
export async function putMember(
  ctx: ServiceContext,
  actor: Actor,
  input: z.output<typeof memberInputSchema>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, input.email);
    if (!user) {
      if (!input.password || !input.name) {
        throw new DomainError('validation.invalid', {
          field: input.name ? 'password' : 'name',
          detail:
            'nowe konto wymaga imienia i nazwiska oraz hasła / a new account needs a name and a password',
        });
      }
      user = await insertUser(trx, {
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
      });
    }
    await upsertMembership(trx, {
      userId: user.id,
      organisationId: actor.organisationId,
      role: input.role as Role,
    });
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'member.put',
      entity: 'user',
      entityId: user.id,
      after: { email: user.email, role: input.role },
      at: ctx.now(),
    });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: input.role,
      totpEnabled: user.totp_enabled,
    };
  });
}

export async function removeMember(ctx: ServiceContext, actor: Actor, userId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteMembership(trx, userId, actor.organisationId);
    if (removed === 0) throw new DomainError('not-found');
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'member.removed',
      entity: 'user',
      entityId: userId,
      at: ctx.now(),
    });
  });
}
