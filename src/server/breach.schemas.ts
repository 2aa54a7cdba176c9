import { z } from 'zod';
import type { RegisterFilter } from '../db/breach.repository.ts';
import { exemptionCodes } from '../domain/assess-breach.ts';
import {
  breachCaseSchema,
  breachTimesSchema,
  correctiveActionSchema,
  isoDate,
  isoDateTime,
  personSchema,
  reportSchema,
  subjectCommunicationSchema,
} from '../domain/breach-case.ts';
import { workflowEvents } from '../domain/breach-workflow.ts';
import { reportSituations } from '../domain/report-situations.ts';
import { riskLevels } from '../domain/risk-rules.ts';
import { notificationChannels, notificationPhases } from '../domain/supervisory-notification.ts';

/** Input schemas of the breach API: each validates at the edge and types its use case. */

const comment = z.string().trim().min(1).max(5000);

/** The fields of a breach a DPO edits on the breach page (everything but status, records and the organisation). */
export const editableBreachFields = [
  'title',
  'report',
  'people',
  'location',
  'times',
  'detectionMethod',
  'description',
  'breachTypes',
  'eventKinds',
  'cause',
  'malware',
  'childrenInformationSociety',
  'subjectsApprox',
  'subjectsApproxText',
  'recordsApprox',
  'recordsApproxText',
  'dataCategories',
  'dataCategoriesOtherText',
  'criminalOtherText',
  'subjectCategories',
  'subjectsDescription',
  'consequences',
  'consequencesOtherText',
  'measuresBefore',
  'measuresPrevent',
  'measuresMitigate',
  'actionsTaken',
  'initialCauses',
  'investigation',
  'otherAuthorities',
  'otherSupervisoryAuthority',
  'otherEntities',
  'crossBorderCountries',
] as const;
export type EditableBreachField = (typeof editableBreachFields)[number];

function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/** An object whose given keys change and whose omitted keys stay as they are (times, the report). */
function partialObject<T extends z.ZodObject>(schema: T) {
  return z.object(
    Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [
        key,
        withoutDefault(field).optional(),
      ]),
    ),
  );
}

/** Fields merged key by key on PATCH rather than replaced whole. */
export const mergedBreachFields = ['times', 'report'] as const;

const editableShape = Object.fromEntries(
  editableBreachFields.map((field) => [
    field,
    field === 'times'
      ? partialObject(breachTimesSchema).optional()
      : field === 'report'
        ? partialObject(reportSchema).optional()
        : withoutDefault(breachCaseSchema.shape[field]).optional(),
  ]),
) as { [K in EditableBreachField]: z.ZodOptional<z.ZodType<z.output<(typeof breachCaseSchema.shape)[K]>>> };

/** PATCH of a breach: only the fields given change; `version` guards against overwriting someone else's edit. */
export const breachUpdateSchema = z.object({
  ...editableShape,
  version: z.number().int().positive().optional(),
});
export type BreachUpdate = z.output<typeof breachUpdateSchema>;

export const staffReportSchema = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  report: reportSchema.omit({ channel: true, anonymous: true }).extend({
    whatHappened: z.string().trim().min(1).max(20_000),
  }),
  people: z.array(personSchema).default([]),
  detectedAt: isoDateTime.nullable().optional(),
});
export type StaffReport = z.output<typeof staffReportSchema>;

export const attachmentUploadSchema = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(255).default('application/octet-stream'),
  dataBase64: z.string().min(1),
});

/** The public report form (no account): the seed 003 §2 checklist, free text, when, where, attachments. */
export const publicReportSchema = z.object({
  situations: z.array(z.enum(reportSituations)).default([]),
  whatHappened: z.string().trim().min(1).max(20_000),
  whenText: z.string().trim().max(500).nullable().optional(),
  location: z.string().trim().max(500).nullable().optional(),
  whoElseKnows: z.string().trim().max(5000).nullable().optional(),
  anonymous: z.boolean().default(false),
  reporterName: z.string().trim().max(200).nullable().optional(),
  reporterEmail: z.email().max(200).nullable().optional(),
  reporterRole: z.string().trim().max(200).nullable().optional(),
  attachments: z.array(attachmentUploadSchema).max(10).default([]),
});
export type PublicReport = z.output<typeof publicReportSchema>;

export const publicFollowUpSchema = z.object({
  receiptCode: z.string().trim().min(6).max(64),
  text: z.string().trim().min(1).max(20_000),
});

/** Events taken by the generic transitions endpoint; assessing and notifying have their own, richer endpoints. */
export const plainWorkflowEvents = workflowEvents.filter((e) => e !== 'assess' && e !== 'notify-authority');

export const transitionSchema = z.object({
  event: z.enum(plainWorkflowEvents as [string, ...string[]]),
  comment,
  awareAt: isoDateTime.nullable().optional(),
});

export const assessmentInputSchema = z.object({
  facts: z.unknown(),
  decision: z
    .object({
      riskLevel: z.enum(riskLevels),
      notifySupervisoryAuthority: z.boolean(),
      notifyDataSubjects: z.boolean(),
      exemptions: z.array(z.enum(exemptionCodes)).default([]),
      reason: z.string().trim().max(20_000).nullable().default(null),
    })
    .optional(),
  comment,
});

export const notificationInputSchema = z.object({
  phase: z.enum(notificationPhases),
  sentAt: isoDateTime,
  channel: z.enum(notificationChannels),
  uodoCaseReference: z.string().trim().max(200).nullable().optional(),
  lateReason: z.string().trim().max(20_000).nullable().optional(),
  plannedCompletionDate: isoDate.nullable().optional(),
  note: z.string().trim().max(20_000).nullable().optional(),
  comment,
});

export const communicationInputSchema = subjectCommunicationSchema;

export const actionInputSchema = correctiveActionSchema.omit({ id: true });
export const actionUpdateSchema = z.object({
  kind: z.enum(['corrective', 'preventive']).optional(),
  description: z.string().trim().min(1).max(20_000).optional(),
  owner: z.string().trim().max(500).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: z.enum(['planned', 'in-progress', 'done', 'cancelled']).optional(),
  completedAt: isoDateTime.nullable().optional(),
  effectiveness: z.string().trim().max(20_000).nullable().optional(),
  effective: z.boolean().nullable().optional(),
});

export const commentInputSchema = z.object({ body: z.string().trim().min(1).max(20_000) });

export const approvalInputSchema = z.object({
  subject: z.enum(['assessment', 'notification', 'communication', 'closure']),
  note: z.string().trim().max(5000).nullable().optional(),
});

export const registerQuerySchema = z.object({
  organisationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2018).max(2100).optional(),
  status: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : v.split(','))),
  type: z.enum(['confidentiality', 'integrity', 'availability']).optional(),
  notified: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  breachesOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['createdAt', 'awareAt', 'reference', 'status']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type RegisterQuery = z.output<typeof registerQuerySchema>;

/** The register filter of a query string, for the organisations the caller may read. */
export function registerFilterOf(
  query: Omit<RegisterQuery, 'organisationId' | 'page' | 'pageSize'> & { page?: number; pageSize?: number },
  scope: { organisationIds: readonly string[]; reportedBy?: string | undefined },
): RegisterFilter {
  return {
    organisationIds: scope.organisationIds,
    reportedBy: scope.reportedBy,
    year: query.year,
    statuses: query.status,
    breachType: query.type,
    notified: query.notified,
    breachesOnly: query.breachesOnly,
    search: query.q,
    sort: query.sort,
    order: query.order,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 10_000,
  };
}
