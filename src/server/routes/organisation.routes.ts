import { z } from 'zod';
import { verifyAuditChains } from '../../db/audit.repository.ts';
import { membershipsFor } from '../auth.service.ts';
import { defineRoute } from '../http-route.ts';
import {
  changeOrganisation,
  createOrganisation,
  listMembers,
  memberInputSchema,
  organisationInputSchema,
  organisationUpdateSchema,
  putMember,
  readOrganisation,
  removeMember,
} from '../organisation.service.ts';

export const orgParams = z.object({ orgId: z.uuid() });

export const organisationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/orgs',
    summary: "The caller's organisations with their role in each",
    tag: 'organisations',
    access: 'session',
    handler: async ({ services, session }) => ({ items: await membershipsFor(services, session!.userId) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/orgs',
    summary: 'Create an organisation (the caller becomes its admin)',
    tag: 'organisations',
    access: 'session',
    successStatus: 201,
    body: organisationInputSchema,
    handler: async ({ services, session, body }) =>
      createOrganisation(
        services,
        { userId: session!.userId, label: `${session!.name} <${session!.email}>` },
        body,
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId',
    summary:
      "The organisation's data and settings (controller, REGON, address, DPO, thresholds, report link)",
    tag: 'organisations',
    access: { anyOf: ['organisation.read'] },
    params: orgParams,
    handler: async ({ services, actor }) => readOrganisation(services, actor),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/orgs/:orgId',
    summary: "Change the organisation's data and settings",
    tag: 'organisations',
    access: { anyOf: ['organisation.update'] },
    params: orgParams,
    body: organisationUpdateSchema,
    handler: async ({ services, actor, body }) => changeOrganisation(services, actor, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId/members',
    summary: 'People of the organisation and their roles',
    tag: 'organisations',
    access: { anyOf: ['member.read'] },
    params: orgParams,
    handler: async ({ services, actor }) => ({ items: await listMembers(services, actor) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/orgs/:orgId/members',
    summary: 'Add a person by e-mail (a new account needs a name and password) or change their role',
    tag: 'organisations',
    access: { anyOf: ['member.manage'] },
    params: orgParams,
    body: memberInputSchema,
    handler: async ({ services, actor, body }) => putMember(services, actor, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/orgs/:orgId/members/:userId',
    summary: 'Remove a person from the organisation',
    tag: 'organisations',
    access: { anyOf: ['member.manage'] },
    params: orgParams.extend({ userId: z.uuid() }),
    handler: async ({ services, actor, params }) => {
      await removeMember(services, actor, params.userId);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId/audit/verify',
    summary: "Recompute the organisation's audit hash chain and report edited or deleted entries",
    tag: 'audit',
    access: { anyOf: ['audit.read'] },
    params: orgParams,
    handler: async ({ services, actor }) => verifyAuditChains(services.db, actor.organisationId),
  }),
];
