import { z } from 'zod';
import { membershipsOf } from '../../db/user.repository.ts';
import { can } from '../../domain/permissions.ts';
import { dashboardOf, inboxOf } from '../dashboard.service.ts';
import { defineRoute } from '../http-route.ts';
import type { ServiceContext } from '../service-context.ts';

/** The organisations whose register the caller may read, narrowed to one when asked (like GET /api/register). */
async function readableOrganisations(
  services: ServiceContext,
  userId: string,
  organisationId: string | undefined,
): Promise<string[]> {
  const readable = (await membershipsOf(services.db, userId))
    .filter((m) => can(m.role, 'register.read'))
    .map((m) => m.organisationId);
  return organisationId ? readable.filter((id) => id === organisationId) : readable;
}

const scopeQuery = z.object({ organisationId: z.uuid().optional() });

export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/inbox',
    summary:
      "The DPO's inbox: new reports, open breaches by time left to the 72-hour deadline, actions due, recent deadline reminders",
    tag: 'register',
    access: 'session',
    query: scopeQuery,
    handler: async ({ services, session, query }) =>
      inboxOf(services, await readableOrganisations(services, session!.userId, query.organisationId)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/dashboard',
    summary:
      'Figures for the dashboard: incidents and breaches per month, by type and cause, time from awareness to notification, overdue counts',
    tag: 'register',
    access: 'session',
    query: scopeQuery.extend({ year: z.coerce.number().int().min(2018).max(2100).optional() }),
    handler: async ({ services, session, query }) =>
      dashboardOf(services, {
        organisationIds: await readableOrganisations(services, session!.userId, query.organisationId),
        year: query.year,
      }),
  }),
];
