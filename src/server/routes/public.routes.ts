import { z } from 'zod';
import { findOrganisationByReportToken } from '../../db/organisation.repository.ts';
import { countRateEvents, recordRateEvent } from '../../db/user.repository.ts';
import { DomainError } from '../../domain/errors.ts';
import { reportSituationDefinitions } from '../../domain/report-situations.ts';
import { publicFollowUpSchema, publicReportSchema } from '../breach.schemas.ts';
import { followUpPublicly, reportPublicly } from '../breach.service.ts';
import { defineRoute } from '../http-route.ts';
import type { ServiceContext } from '../service-context.ts';

const tokenParams = z.object({ token: z.string().min(8).max(100) });

async function organisationOf(services: ServiceContext, token: string) {
  const organisation = await findOrganisationByReportToken(services.db, token);
  if (!organisation) throw new DomainError('not-found');
  return organisation;
}

/** Throttles anonymous writes per address and hour, counted in the database so every instance agrees. */
async function throttle(services: ServiceContext, key: string, perHour: number) {
  const now = services.now();
  if ((await countRateEvents(services.db, key, new Date(now.getTime() - 3_600_000))) >= perHour) {
    throw new DomainError('rate-limited');
  }
  await recordRateEvent(services.db, key, now);
}

export const publicRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/public/report/:token',
    summary: 'The public report form of an organisation: its name and the seed 003 §2 checklist',
    tag: 'public',
    access: 'public',
    params: tokenParams,
    handler: async ({ services, params, lang }) => {
      const organisation = await organisationOf(services, params.token);
      return {
        organisation: { name: organisation.name, dpo: organisation.dpo ?? null },
        situations: reportSituationDefinitions.map((s) => ({ id: s.id, label: s.label[lang] })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/report/:token',
    summary: 'Report an incident without an account (optionally anonymously); returns a receipt code',
    tag: 'public',
    access: 'public',
    params: tokenParams,
    body: publicReportSchema,
    successStatus: 201,
    handler: async ({ services, params, body, request }) => {
      const organisation = await organisationOf(services, params.token);
      await throttle(services, `public-report:${request.ip}`, services.config.publicReportsPerHour);
      return reportPublicly(services, organisation.id, body);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/report/:token/follow-up',
    summary: 'Add information to an earlier report with its receipt code',
    tag: 'public',
    access: 'public',
    params: tokenParams,
    body: publicFollowUpSchema,
    handler: async ({ services, params, body, request }) => {
      const organisation = await organisationOf(services, params.token);
      await throttle(services, `public-follow-up:${request.ip}`, services.config.publicReportsPerHour * 2);
      return followUpPublicly(services, organisation.id, body);
    },
  }),
];
