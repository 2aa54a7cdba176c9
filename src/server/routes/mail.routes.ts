import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { defineRoute } from '../http-route.ts';
import {
  communicationBatch,
  listCommunicationBatches,
  startCommunicationBatch,
} from '../mail-communication.service.ts';
import { mailSettings, updateMailPreferences } from '../mail-settings.service.ts';
import { fileNameHeader } from './file-name-header.ts';
import { orgParams } from './organisation.routes.ts';

const breachParams = orgParams.extend({ breachId: z.uuid() });
const base = '/api/orgs/:orgId/breaches/:breachId/mail/communications';
const lang = z.object({ lang: z.enum(['pl', 'en']).optional() });

export const mailRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/mail/settings',
    summary:
      'Whether the server sends e-mail (host, sender; never the password) and the caller’s e-mail preferences',
    tag: 'mail',
    access: 'session',
    handler: async ({ services, session }) => mailSettings(services, session!.userId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/mail/preferences',
    summary: 'Change the caller’s e-mail preferences: daily digest on or off, language of messages',
    tag: 'mail',
    access: 'session',
    body: z.object({ dailyDigest: z.boolean().optional(), lang: z.enum(['pl', 'en']).optional() }),
    handler: async ({ services, session, body }) => updateMailPreferences(services, session!.userId, body),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    summary:
      'E-mail the personalised communication (art. 34 RODO) to the people of an uploaded list (CSV or XLSX body with an e-mail column, name in x-filename)',
    tag: 'mail',
    access: { anyOf: ['communication.update'] },
    params: breachParams,
    query: lang,
    rawBody: true,
    successStatus: 202,
    handler: async ({ services, actor, params, body, request, lang }) => {
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('validation.invalid', {
          field: '(body)',
          detail: { pl: 'pusta lista osób', en: 'empty people list' },
        });
      }
      const filename = fileNameHeader(request, 'osoby.csv');
      return startCommunicationBatch(services, actor, params.breachId, {
        source: { kind: 'upload', bytes: body, filename },
        lang,
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/from-scan`,
    summary:
      'E-mail the personalised communication to the people with an e-mail address found by a leak analysis',
    tag: 'mail',
    access: { anyOf: ['communication.update'] },
    params: breachParams,
    query: lang,
    body: z.object({ scanId: z.uuid() }),
    successStatus: 202,
    handler: async ({ services, actor, params, body, lang }) =>
      startCommunicationBatch(services, actor, params.breachId, {
        source: { kind: 'scan', scanId: body.scanId },
        lang,
      }),
  }),
  defineRoute({
    method: 'GET',
    url: base,
    summary:
      'The breach’s e-mail communications, newest first, with progress (queued, sent, retrying, failed)',
    tag: 'mail',
    access: { anyOf: ['breach.read'] },
    params: breachParams,
    handler: async ({ services, actor, params }) => ({
      items: await listCommunicationBatches(services, actor, params.breachId),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:batchId`,
    summary: 'One e-mail communication: progress and each recipient’s state (with the reason of a failure)',
    tag: 'mail',
    access: { anyOf: ['breach.read'] },
    params: breachParams.extend({ batchId: z.uuid() }),
    query: z.object({
      status: z.enum(['queued', 'sending', 'sent', 'failed']).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ services, actor, params, query }) =>
      communicationBatch(services, actor, params.breachId, params.batchId, query),
  }),
];
