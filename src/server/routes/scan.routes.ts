import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { defineRoute } from '../http-route.ts';
import { applyScan, scanOf, scanServerPath, scansOf, scanUpload } from '../scan.service.ts';
import { fileNameHeader } from './file-name-header.ts';
import { orgParams } from './organisation.routes.ts';

const breachParams = orgParams.extend({ breachId: z.uuid() });
const base = '/api/orgs/:orgId/breaches/:breachId/scans';

export const scanRoutes = [
  defineRoute({
    method: 'POST',
    url: base,
    summary:
      'Analyse a leaked file or archive (raw body, name in x-filename): counts people, records and kinds of data',
    tag: 'scans',
    access: { anyOf: ['breach.update'] },
    params: breachParams,
    rawBody: true,
    successStatus: 202,
    handler: async ({ services, actor, params, body, request, lang }) => {
      const filename = fileNameHeader(request, null);
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('validation.invalid', {
          field: '(body)',
          detail: { pl: 'pusty plik', en: 'empty file' },
        });
      }
      return scanUpload(services, actor, params.breachId, { filename, content: body }, lang);
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/server-path`,
    summary: 'Analyse a folder on the server (a large carrier), only under SCAN_ROOT',
    tag: 'scans',
    access: { anyOf: ['breach.update'] },
    params: breachParams,
    body: z.object({ path: z.string().trim().min(1).max(4096) }),
    successStatus: 202,
    handler: async ({ services, actor, params, body, lang }) =>
      scanServerPath(services, actor, params.breachId, body.path, lang),
  }),
  defineRoute({
    method: 'GET',
    url: base,
    summary: 'Analyses of the breach, newest first, with progress and findings',
    tag: 'scans',
    access: { anyOf: ['breach.read'] },
    params: breachParams,
    handler: async ({ services, actor, params }) => ({
      items: await scansOf(services, actor, params.breachId),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:scanId`,
    summary:
      'One analysis: progress, the scan report (counts only, never identifiers) and what it would fill in',
    tag: 'scans',
    access: { anyOf: ['breach.read'] },
    params: breachParams.extend({ scanId: z.uuid() }),
    handler: async ({ services, actor, params }) => scanOf(services, actor, params.breachId, params.scanId),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:scanId/apply`,
    summary: 'Fill the breach from a finished analysis: categories of data, approximate numbers, children',
    tag: 'scans',
    access: { anyOf: ['breach.update'] },
    params: breachParams.extend({ scanId: z.uuid() }),
    handler: async ({ services, actor, params }) =>
      applyScan(services, actor, params.breachId, params.scanId),
  }),
];
