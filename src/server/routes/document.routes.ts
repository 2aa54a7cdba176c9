import { PassThrough } from 'node:stream';
import { z } from 'zod';
import {
  contentTypes,
  type DocumentFormat,
  documentFormats,
  formatsByKind,
  renderDocument,
} from '../../documents/render-document.ts';
import type { BreachCase } from '../../domain/breach-case.ts';
import type { Recipient } from '../../domain/documents/communication-audience.ts';
import { documentKinds } from '../../domain/documents/document-model.ts';
import { DomainError } from '../../domain/errors.ts';
import { notificationPhases } from '../../domain/supervisory-notification.ts';
import { registerFilterOf, registerQuerySchema } from '../breach.schemas.ts';
import { registerPage, viewBreach } from '../breach.service.ts';
import { defineRoute, type RouteContext } from '../http-route.ts';
import { scanPeople } from '../scan.service.ts';
import { fileNameHeader } from './file-name-header.ts';
import { orgParams } from './organisation.routes.ts';

const documentQuery = z.object({
  format: z.enum(documentFormats).default('pdf'),
  phase: z.enum(notificationPhases).optional(),
  version: z.string().trim().max(20).default('1'),
  lang: z.enum(['pl', 'en']).optional(),
});

function send(
  context: Pick<RouteContext<unknown, unknown, unknown>, 'reply' | 'lang'>,
  request: Parameters<typeof renderDocument>[0],
  filename: string,
) {
  if (!formatsByKind[request.kind].includes(request.format)) {
    throw new DomainError('validation.invalid', {
      field: 'format',
      detail: {
        pl: `ten dokument jest dostępny jako: ${formatsByKind[request.kind].join(', ')}`,
        en: `this document is available as: ${formatsByKind[request.kind].join(', ')}`,
      },
    });
  }
  const stream = new PassThrough();
  renderDocument(request, stream).catch((error) => stream.destroy(error));
  context.reply
    .header('content-type', contentTypes[request.format])
    // A printable page opens in the browser; files download.
    .header(
      'content-disposition',
      `${request.format === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
  return context.reply.send(stream);
}

const safe = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '-');

/** Personalised letters to data subjects (art. 34 RODO), one per person, for the breach. */
async function sendLetters(
  context: RouteContext<{ breachId: string }, z.infer<typeof documentQuery>, unknown>,
  breachId: string,
  recipients: Recipient[],
) {
  const { services, actor, query, lang } = context;
  const breach = (await viewBreach(services, actor, breachId)) as BreachCase;
  return send(
    context,
    {
      kind: 'subject-letter',
      format: query.format as DocumentFormat,
      cases: [breach],
      lang,
      generatedAt: services.now(),
      version: query.version,
      recipients,
    },
    `${safe(breach.reference)}-zawiadomienia.${query.format}`,
  );
}

export const documentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId/breaches/:breachId/documents/:kind',
    summary:
      'A document of the breach (internal report, UODO notification by phase, letter template, public communication, assessment record) as PDF, DOCX, XLSX or CSV',
    tag: 'documents',
    access: { anyOf: ['breach.read'] },
    params: orgParams.extend({ breachId: z.uuid(), kind: z.enum(documentKinds) }),
    query: documentQuery,
    handler: async (context) => {
      const { services, actor, params, query, lang } = context;
      const breach = (await viewBreach(services, actor, params.breachId)) as BreachCase;
      return send(
        context,
        {
          kind: params.kind,
          format: query.format as DocumentFormat,
          cases: [breach],
          lang,
          generatedAt: services.now(),
          version: query.version,
          phase: query.phase,
        },
        `${safe(breach.reference)}-${params.kind}.${query.format}`,
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/orgs/:orgId/breaches/:breachId/documents/subject-letter/personalised',
    summary:
      'Personalised letters to data subjects (one per page) from an uploaded people list (CSV or XLSX body)',
    tag: 'documents',
    access: { anyOf: ['communication.update'] },
    params: orgParams.extend({ breachId: z.uuid() }),
    query: documentQuery,
    rawBody: true,
    handler: async (context) => {
      const { params, lang, body, request } = context;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('validation.invalid', {
          field: '(body)',
          detail: 'pusta lista osób / empty people list',
        });
      }
      const filename = fileNameHeader(request, 'osoby.csv');
      const { PeopleListError, readPeopleList } = await import('../../documents/read-people-list.ts');
      let recipients: Awaited<ReturnType<typeof readPeopleList>>;
      try {
        recipients = await readPeopleList(body, filename, lang);
      } catch (error) {
        if (error instanceof PeopleListError) {
          throw new DomainError('validation.invalid', { field: filename, detail: error.message });
        }
        throw error;
      }
      return sendLetters(context, params.breachId, recipients);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId/breaches/:breachId/scans/:scanId/letters',
    summary:
      'Personalised letters to data subjects (one per page) to the people a leak analysis found with a name and an address in the tables it read',
    tag: 'documents',
    access: { anyOf: ['communication.update'] },
    params: orgParams.extend({ breachId: z.uuid(), scanId: z.uuid() }),
    query: documentQuery,
    handler: async (context) => {
      const { services, actor, params, lang } = context;
      const scan = await scanPeople(services, actor, params.breachId, params.scanId);
      const { PeopleListError, recipientsFromScanList } = await import('../../documents/read-people-list.ts');
      let recipients: ReturnType<typeof recipientsFromScanList>['recipients'];
      try {
        const read = recipientsFromScanList(scan.people, lang);
        recipients = read.recipients;
        // The people found without a name and an address get no letter: the DPO is told how many (art. 34).
        context.reply.header('x-people-left-out', String(read.withoutAddress));
      } catch (error) {
        if (error instanceof PeopleListError) {
          throw new DomainError('validation.invalid', { field: 'scanId', detail: error.message });
        }
        throw error;
      }
      return sendLetters(context, params.breachId, recipients);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId/register/export',
    summary:
      'The register (art. 33(5), seed 003 Załącznik 2 columns) as XLSX, CSV, PDF or DOCX, with the register filters',
    tag: 'documents',
    access: { anyOf: ['register.read'] },
    params: orgParams,
    query: registerQuerySchema
      .omit({ organisationId: true, page: true, pageSize: true })
      .extend(documentQuery.shape),
    handler: async (context) => {
      const { services, actor, query, lang } = context;
      const page = await registerPage(
        services,
        registerFilterOf(query, { organisationIds: [actor.organisationId] }),
      );
      const cases: BreachCase[] = [];
      for (const item of page.items) cases.push((await viewBreach(services, actor, item.id)) as BreachCase);
      if (cases.length === 0) throw new DomainError('register.empty');
      return send(
        context,
        {
          kind: 'register',
          format: query.format as DocumentFormat,
          cases,
          lang,
          generatedAt: services.now(),
          version: query.version,
        },
        `rejestr-naruszen${query.year ? `-${query.year}` : ''}.${query.format}`,
      );
    },
  }),
];
