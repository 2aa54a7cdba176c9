import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { attachmentTooLarge } from '../config.ts';
import { defineRoute } from '../http-route.ts';
import { applyScan, cancelScan, scanOf, scanServerPath, scansOf, scanUpload } from '../scan.service.ts';
import { fileNameHeader } from './file-name-header.ts';
import { orgParams } from './organisation.routes.ts';

const maxFiles = 500;

/** The files of a multipart/form-data body (fields named "file"), parsed by the platform's own Response. */
async function formFiles(body: Buffer, type: string): Promise<{ filename: string; content: Buffer }[]> {
  const refuse = (pl: string, en: string) =>
    new DomainError('validation.invalid', { field: 'file', detail: { pl, en } });
  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(body)]), {
      headers: { 'content-type': type },
    }).formData();
  } catch {
    throw refuse(
      'nieczytelne dane formularza (multipart/form-data)',
      'unreadable form data (multipart/form-data)',
    );
  }
  const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
  if (files.length === 0) throw refuse('wybierz co najmniej jeden plik', 'choose at least one file');
  if (files.length > maxFiles) {
    throw refuse(
      `najwyżej ${maxFiles} plików naraz; więcej spakuj do archiwum ZIP`,
      `at most ${maxFiles} files at once; pack more into a ZIP archive`,
    );
  }
  return Promise.all(
    files.map(async (f) => ({ filename: f.name, content: Buffer.from(await f.arrayBuffer()) })),
  );
}

const breachParams = orgParams.extend({ breachId: z.uuid() });
const base = '/api/orgs/:orgId/breaches/:breachId/scans';

export const scanRoutes = [
  defineRoute({
    method: 'POST',
    url: base,
    summary:
      'Analyse leaked files as one analysis: one file as the raw body (its name in x-filename), or several as multipart/form-data fields named "file"; counts people, records and kinds of data',
    tag: 'scans',
    access: { anyOf: ['breach.update'] },
    params: breachParams,
    rawBody: true,
    successStatus: 202,
    handler: async ({ services, actor, params, body, request, lang }) => {
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('validation.invalid', {
          field: '(body)',
          detail: { pl: 'pusty plik', en: 'empty file' },
        });
      }
      const type = String(request.headers['content-type'] ?? '');
      const files = type.startsWith('multipart/form-data')
        ? await formFiles(body, type)
        : [{ filename: fileNameHeader(request, null), content: body }];
      const total = files.reduce((sum, f) => sum + f.content.length, 0);
      if (total > services.config.maxAttachmentBytes) {
        throw attachmentTooLarge(services.config);
      }
      return scanUpload(services, actor, params.breachId, files, lang);
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
    url: `${base}/:scanId/cancel`,
    summary: 'Stop a running analysis: it ends as cancelled, with an audit entry',
    tag: 'scans',
    access: { anyOf: ['breach.update'] },
    params: breachParams.extend({ scanId: z.uuid() }),
    handler: async ({ services, actor, params }) =>
      cancelScan(services, actor, params.breachId, params.scanId),
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
