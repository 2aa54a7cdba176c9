import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import {
  actionInputSchema,
  actionUpdateSchema,
  approvalInputSchema,
  assessmentInputSchema,
  breachUpdateSchema,
  commentInputSchema,
  communicationInputSchema,
  notificationInputSchema,
  registerFilterOf,
  registerQuerySchema,
  staffReportSchema,
  transitionSchema,
} from '../breach.schemas.ts';
import {
  addAction,
  addApproval,
  addAssessment,
  addAttachment,
  addComment,
  addNotification,
  breachHistory,
  changeAction,
  readAttachment,
  registerPageJson,
  registerVersionsOf,
  reportIncident,
  setSubjectCommunication,
  transitionBreach,
  updateBreachDetails,
  viewBreach,
} from '../breach.service.ts';
import { defineRoute } from '../http-route.ts';
import { fileNameHeader } from './file-name-header.ts';
import { orgParams } from './organisation.routes.ts';

const breachParams = orgParams.extend({ breachId: z.uuid() });
const base = '/api/orgs/:orgId/breaches/:breachId';

export const breachRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/register',
    summary:
      'The register across the organisations the caller may read (art. 33(5) RODO): filter, sort, page',
    tag: 'register',
    access: 'session',
    query: registerQuerySchema,
    handler: async ({ services, session, query }) => {
      const readable = session!.roles
        .filter((m) => can(m.role, 'register.read'))
        .map((m) => m.organisationId);
      const organisationIds = query.organisationId
        ? readable.filter((id) => id === query.organisationId)
        : readable;
      return registerPageJson(
        services,
        registerFilterOf(query, { organisationIds }),
        registerVersionsOf(session!),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/orgs/:orgId/breaches',
    summary: "The organisation's incidents and breaches; a reporter sees the ones they reported",
    tag: 'breaches',
    access: { anyOf: ['register.read', 'breach.read-own'] },
    params: orgParams,
    query: registerQuerySchema.omit({ organisationId: true }),
    handler: async ({ services, actor, query, role, session }) =>
      registerPageJson(
        services,
        registerFilterOf(query, {
          organisationIds: [actor.organisationId],
          reportedBy: role && can(role, 'register.read') ? undefined : (actor.userId ?? undefined),
        }),
        session ? registerVersionsOf(session) : undefined,
      ),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/orgs/:orgId/breaches',
    summary: 'Report an incident (seed 003 §2): what happened, when, where, who else knows',
    tag: 'breaches',
    access: { anyOf: ['incident.report'] },
    params: orgParams,
    body: staffReportSchema,
    successStatus: 201,
    handler: async ({ services, actor, body }) => reportIncident(services, actor, body),
  }),
  defineRoute({
    method: 'GET',
    url: base,
    summary: 'One breach with everything recorded about it, its deadline and what the caller may do',
    tag: 'breaches',
    access: { anyOf: ['breach.read', 'breach.read-own'] },
    params: breachParams,
    handler: async ({ services, actor, params }) => viewBreach(services, actor, params.breachId),
  }),
  defineRoute({
    method: 'PATCH',
    url: base,
    summary:
      'Change the details (types, UODO kinds and cause, data and subject categories, numbers, times, texts)',
    tag: 'breaches',
    access: { anyOf: ['breach.update'] },
    params: breachParams,
    body: breachUpdateSchema,
    handler: async ({ services, actor, params, body }) =>
      updateBreachDetails(services, actor, params.breachId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/transitions`,
    summary:
      'Move the breach along its workflow with a comment (confirm-breach sets awareAt and starts the clock)',
    tag: 'breaches',
    access: { anyOf: ['breach.transition'] },
    params: breachParams,
    body: transitionSchema,
    handler: async ({ services, actor, params, body }) =>
      transitionBreach(services, actor, params.breachId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/assessments`,
    summary: "Assess the risk: facts in, the rules' decision and the DPO's (a departure needs a reason)",
    tag: 'breaches',
    access: { anyOf: ['assessment.create'] },
    params: breachParams,
    body: assessmentInputSchema,
    successStatus: 201,
    handler: async ({ services, actor, params, body, lang }) =>
      addAssessment(services, actor, params.breachId, body, lang),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/notifications`,
    summary:
      'Record a notification to UODO (initial, supplementary, complete); a late first one needs the reasons',
    tag: 'breaches',
    access: { anyOf: ['notification.create'] },
    params: breachParams,
    body: notificationInputSchema,
    successStatus: 201,
    handler: async ({ services, actor, params, body }) =>
      addNotification(services, actor, params.breachId, body),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/subject-communication`,
    summary: 'Record whether and how the data subjects were told (art. 34; UODO form section 10)',
    tag: 'breaches',
    access: { anyOf: ['communication.update'] },
    params: breachParams,
    body: communicationInputSchema,
    handler: async ({ services, actor, params, body }) =>
      setSubjectCommunication(services, actor, params.breachId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/actions`,
    summary: 'Add a corrective or preventive action (seed 003 Załącznik 2)',
    tag: 'breaches',
    access: { anyOf: ['action.manage'] },
    params: breachParams,
    body: actionInputSchema,
    successStatus: 201,
    handler: async ({ services, actor, params, body }) => addAction(services, actor, params.breachId, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${base}/actions/:actionId`,
    summary: 'Change an action: status, completion, effectiveness',
    tag: 'breaches',
    access: { anyOf: ['action.manage'] },
    params: breachParams.extend({ actionId: z.uuid() }),
    body: actionUpdateSchema,
    handler: async ({ services, actor, params, body }) =>
      changeAction(services, actor, params.breachId, params.actionId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/comments`,
    summary: 'Add a comment',
    tag: 'breaches',
    access: { anyOf: ['comment.create'] },
    params: breachParams,
    body: commentInputSchema,
    successStatus: 201,
    handler: async ({ services, actor, params, body }) =>
      addComment(services, actor, params.breachId, body.body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/approvals`,
    summary: "Record the controller's approval (of the assessment, notification, communication or closure)",
    tag: 'breaches',
    access: { anyOf: ['approval.create'] },
    params: breachParams,
    body: approvalInputSchema,
    successStatus: 201,
    handler: async ({ services, actor, params, body }) => addApproval(services, actor, params.breachId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/attachments`,
    summary: 'Upload evidence: the raw file as the body, its name in the x-filename header (URL-encoded)',
    tag: 'breaches',
    access: { anyOf: ['attachment.create'] },
    params: breachParams,
    rawBody: true,
    successStatus: 201,
    handler: async ({ services, actor, params, body, request }) => {
      const filename = fileNameHeader(request, null);
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('validation.invalid', { field: '(body)', detail: 'pusty plik / empty file' });
      }
      const contentType = String(request.headers['content-type'] ?? 'application/octet-stream').split(
        ';',
      )[0]!;
      const stored = await addAttachment(services, actor, params.breachId, {
        filename,
        contentType,
        content: body,
      });
      return { id: stored.id, filename: stored.filename, size: stored.size, sha256: stored.sha256 };
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/attachments/:attachmentId`,
    summary: 'Download an evidence file',
    tag: 'breaches',
    access: { anyOf: ['attachment.read'] },
    params: breachParams.extend({ attachmentId: z.uuid() }),
    handler: async ({ services, actor, params, reply }) => {
      const file = await readAttachment(services, actor, params.breachId, params.attachmentId);
      reply
        .header('content-type', file.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-sha256', file.sha256);
      return reply.send(Buffer.from(file.content));
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/history`,
    summary: 'The timeline: every audit entry of the breach, who and when',
    tag: 'breaches',
    access: { anyOf: ['breach.read'] },
    params: breachParams,
    handler: async ({ services, actor, params }) => ({
      items: await breachHistory(services, actor, params.breachId),
    }),
  }),
];
