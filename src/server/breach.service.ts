/**
 * Use cases of the breach process. Each change runs in one transaction with its audit entry; the domain decides
 * (workflow, risk, deadlines, notification rules), repositories store, presenters shape the answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit, listAuditForEntity } from '../db/audit.repository.ts';
import {
  breachChildren,
  findAction,
  findAttachment,
  findBreach,
  findBreachByReceipt,
  insertAction,
  insertApproval,
  insertAssessment,
  insertAttachment,
  insertBreach,
  insertComment,
  insertNotification,
  latestDecision,
  listRegister,
  lockBreach,
  type RegisterFilter,
  updateAction,
  updateBreach,
} from '../db/breach.repository.ts';
import { findOrganisation, nextCounter } from '../db/organisation.repository.ts';
import type { BreachRow, Database } from '../db/schema.ts';
import { checkStepAgainstDecision, type DpoDecision, recordAssessment } from '../domain/assessment-record.ts';
import { breachCaseSchema } from '../domain/breach-case.ts';
import { parseBreachFacts } from '../domain/breach-facts.ts';
import { type BreachTimes, checkBreachTimes } from '../domain/breach-times.ts';
import { applyWorkflow, type BreachStatus, type WorkflowEvent } from '../domain/breach-workflow.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import { supervisoryDeadlineAt } from '../domain/notification-deadline.ts';
import { can, type Role } from '../domain/permissions.ts';
import type { RegisterPageView, RegisterRowFields } from '../domain/register-row.ts';
import { sameValue } from '../domain/same-value.ts';
import { checkNotification, type SupervisoryNotification } from '../domain/supervisory-notification.ts';
import { warsawYear } from '../domain/warsaw-time.ts';
import type { SessionUser } from './auth.service.ts';
import { type BreachView, presentBreach } from './breach.presenter.ts';
import type {
  actionInputSchema,
  actionUpdateSchema,
  approvalInputSchema,
  assessmentInputSchema,
  BreachUpdate,
  communicationInputSchema,
  notificationInputSchema,
  PublicReport,
  StaffReport,
  transitionSchema,
} from './breach.schemas.ts';
import { mergedBreachFields } from './breach.schemas.ts';
import { attachmentTooLarge } from './config.ts';
import { JsonText } from './json-text.ts';
import { queueBreachConfirmedMail, queueNewReportMail } from './mail-queue.ts';
import { type LoadedRegisterPage, registerPageKey } from './register-page-cache.ts';
import type { Actor, ServiceContext } from './service-context.ts';
import { iso, presentDeadline, storedDeadline } from './stored-deadline.ts';

type Db = Kysely<Database>;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function audit(
  trx: Db,
  ctx: ServiceContext,
  actor: Actor,
  entry: { action: string; entityId: string; before?: unknown; after?: unknown },
) {
  return appendAudit(trx, {
    organisationId: actor.organisationId,
    actorId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entity: 'breach',
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    at: ctx.now(),
  });
}

/** A breach the actor may see: members with breach.read see all; a reporter sees the ones they reported. */
async function visibleBreach(db: Db, actor: Actor, breachId: string, lock = false): Promise<BreachRow> {
  const row = lock
    ? await lockBreach(db, actor.organisationId, breachId)
    : await findBreach(db, actor.organisationId, breachId);
  if (!row) throw new DomainError('not-found');
  const role = actor.role;
  if (role === 'public' || role === 'system') return row;
  if (!can(role, 'breach.read') && row.reported_by !== actor.userId) throw new DomainError('not-found');
  return row;
}

/** A title from what the reporter wrote: the first sentence or 120 characters, cut between words. */
export function titleFrom(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.{20,120}?[.!?])(\s|$)/.exec(flat)?.[1];
  if (sentence) return sentence;
  if (flat.length <= 120) return flat;
  const cut = flat.slice(0, 119);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

async function nextReference(trx: Db, organisationId: string, now: Date): Promise<string> {
  const year = warsawYear(now);
  const number = await nextCounter(trx, organisationId, `breach-${year}`);
  return `${year}/${String(number).padStart(3, '0')}`;
}

export async function viewBreach(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  db: Db = ctx.db,
): Promise<BreachView> {
  const row = await visibleBreach(db, actor, breachId);
  const organisation = await findOrganisation(db, actor.organisationId);
  if (!organisation) throw new DomainError('not-found');
  const children = await breachChildren(db, actor.organisationId, breachId);
  const role: Role = actor.role === 'public' || actor.role === 'system' ? 'auditor' : actor.role;
  return presentBreach({ row, children, organisation, role, now: ctx.now() });
}

/** An incident reported by a member of staff (seed 003 §2.1). */
export async function reportIncident(
  ctx: ServiceContext,
  actor: Actor,
  input: StaffReport,
): Promise<BreachView> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const reference = await nextReference(trx, actor.organisationId, now);
    const details = {
      report: { ...input.report, channel: 'staff', anonymous: false },
      people: input.people,
      location: input.report.location ?? null,
      times: { detectedAt: input.detectedAt ?? null, reportedAt: now.toISOString() },
    };
    const row = await insertBreach(trx, {
      organisation_id: actor.organisationId,
      reference,
      title: input.title ?? titleFrom(input.report.whatHappened),
      status: 'reported',
      details: JSON.stringify(details),
      breach_types: [],
      reported_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, actor, {
      action: 'incident.reported',
      entityId: row.id,
      after: { reference, title: row.title, details },
    });
    await queueNewReportMail(trx, ctx, row.id);
    return viewBreach(ctx, actor, row.id, trx);
  });
}

/** Upper-case letters and digits without look-alikes (0/O, 1/I/L), grouped for reading aloud. */
function receiptCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  let code = '';
  for (let i = 0; i < 12; i++) code += alphabet[bytes[i]! % alphabet.length];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

const normaliseReceipt = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A report through the organisation's public link: no account, optionally anonymous, with a receipt code. */
export async function reportPublicly(
  ctx: ServiceContext,
  organisationId: string,
  input: PublicReport,
): Promise<{ reference: string; receiptCode: string }> {
  const attachments = input.attachments.map((a) => {
    const content = Buffer.from(a.dataBase64, 'base64');
    if (content.length > ctx.config.maxAttachmentBytes) {
      throw attachmentTooLarge(ctx.config);
    }
    return { ...a, content };
  });
  const code = receiptCode();
  const actor: Actor = {
    userId: null,
    label: input.anonymous ? 'Zgłoszenie anonimowe' : `Zgłaszający: ${input.reporterName ?? 'bez nazwiska'}`,
    organisationId,
    role: 'public',
  };
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const reference = await nextReference(trx, organisationId, now);
    const report = {
      channel: 'public-link',
      anonymous: input.anonymous,
      reporterName: input.anonymous ? null : (input.reporterName ?? null),
      reporterEmail: input.anonymous ? null : (input.reporterEmail ?? null),
      reporterRole: input.anonymous ? null : (input.reporterRole ?? null),
      situations: input.situations,
      whatHappened: input.whatHappened,
      whenText: input.whenText ?? null,
      location: input.location ?? null,
      whoElseKnows: input.whoElseKnows ?? null,
    };
    const details = { report, location: report.location, times: { reportedAt: now.toISOString() } };
    const row = await insertBreach(trx, {
      organisation_id: organisationId,
      reference,
      title: titleFrom(input.whatHappened),
      status: 'reported',
      details: JSON.stringify(details),
      breach_types: [],
      receipt_code_hash: sha256(normaliseReceipt(code)),
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, actor, {
      action: 'incident.reported',
      entityId: row.id,
      after: { reference, details },
    });
    await queueNewReportMail(trx, ctx, row.id);
    for (const attachment of attachments) {
      const stored = await insertAttachment(trx, {
        breach_id: row.id,
        organisation_id: organisationId,
        filename: attachment.filename,
        content_type: attachment.contentType,
        size: attachment.content.length,
        sha256: sha256(attachment.content),
        content: attachment.content,
        uploaded_by: null,
        uploaded_by_label: actor.label,
        uploaded_at: now,
      });
      await audit(trx, ctx, actor, {
        action: 'attachment.added',
        entityId: row.id,
        after: { ...stored, uploaded_at: now },
      });
    }
    return { reference, receiptCode: code };
  });
}

/** More information from the reporter, with the receipt code: kept as a comment on the report. */
export async function followUpPublicly(
  ctx: ServiceContext,
  organisationId: string,
  input: { receiptCode: string; text: string },
): Promise<{ reference: string }> {
  const row = await findBreachByReceipt(ctx.db, organisationId, sha256(normaliseReceipt(input.receiptCode)));
  if (!row) throw new DomainError('report.receipt-unknown');
  const actor: Actor = { userId: null, label: 'Zgłaszający (uzupełnienie)', organisationId, role: 'public' };
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await insertComment(trx, {
      breach_id: row.id,
      organisation_id: organisationId,
      author_id: null,
      author_label: actor.label,
      body: input.text,
      created_at: ctx.now(),
    });
    await audit(trx, ctx, actor, { action: 'comment.added', entityId: row.id, after: comment });
  });
  return { reference: row.reference };
}

function timesOf(details: Record<string, unknown>, awareAt: Date | null): BreachTimes {
  const raw = (details.times ?? {}) as Record<string, string | null | undefined>;
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  return {
    startedAt: date(raw.startedAt),
    endedAt: date(raw.endedAt),
    detectedAt: date(raw.detectedAt),
    reportedAt: date(raw.reportedAt),
    processorNotifiedAt: date(raw.processorNotifiedAt),
    awareAt,
    subjectsNotifiedAt: date(raw.subjectsNotifiedAt),
  };
}

/** A field's value when the breach has none stored, as the breach's shape reads it (its default, or null). */
function absentValue(field: string): unknown {
  const parsed = (breachCaseSchema.shape as Record<string, z.ZodType | undefined>)[field]?.safeParse(
    undefined,
  );
  return parsed?.success && parsed.data !== undefined ? parsed.data : null;
}

/** Edits the details of a breach; only the given fields change, each change is in the audit entry. */
export async function updateBreachDetails(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: BreachUpdate,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleBreach(trx, actor, breachId, true);
    if (input.version !== undefined && input.version !== row.version)
      throw new DomainError('conflict.version');
    const details = { ...(row.details as Record<string, unknown>) };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    let title = row.title;
    let breachTypes = row.breach_types;
    let awareAt = row.aware_at ? new Date(row.aware_at) : null;
    for (const [field, value] of Object.entries(input)) {
      if (field === 'version' || value === undefined) continue;
      if (field === 'title') {
        before.title = row.title;
        title = value as string;
      } else if (field === 'breachTypes') {
        before.breachTypes = row.breach_types;
        breachTypes = value as string[];
      } else if ((mergedBreachFields as readonly string[]).includes(field)) {
        // Only the keys given change: a PATCH of two times never blanks the others (e.g. reportedAt).
        const prior = { ...((details[field] as Record<string, unknown>) ?? {}) };
        if (field === 'times') prior.awareAt = row.aware_at ? new Date(row.aware_at).toISOString() : null;
        before[field] = Object.fromEntries(Object.keys(value as object).map((k) => [k, prior[k] ?? null]));
        details[field] = { ...((details[field] as Record<string, unknown>) ?? {}), ...(value as object) };
      } else {
        before[field] = details[field] ?? absentValue(field);
        details[field] = value;
      }
      if (field === 'times') {
        const times = value as Record<string, string | null | undefined>;
        if (times.awareAt !== undefined) awareAt = times.awareAt ? new Date(times.awareAt) : null;
      }
      after[field] = value;
    }
    // What was sent as it was is no change: the audit entry names only what the save changed.
    for (const field of Object.keys(after)) {
      if (sameValue(before[field], after[field])) {
        delete before[field];
        delete after[field];
      }
    }
    checkBreachTimes(timesOf(details, awareAt), ctx.now());
    const updated = await updateBreach(trx, actor.organisationId, breachId, {
      title,
      breach_types: breachTypes,
      details: JSON.stringify(details),
      aware_at: awareAt,
      updated_at: ctx.now(),
    });
    await audit(trx, ctx, actor, { action: 'breach.updated', entityId: breachId, before, after });
    return viewBreach(ctx, actor, updated.id, trx);
  });
}

async function moveStatus(
  trx: Db,
  ctx: ServiceContext,
  actor: Actor,
  row: BreachRow,
  command: { event: WorkflowEvent; comment: string; awareAt?: Date | null },
  extra: Parameters<typeof updateBreach>[3] = {},
) {
  const outcome = applyWorkflow(row.status as BreachStatus, command);
  const now = ctx.now();
  const values: Parameters<typeof updateBreach>[3] = { status: outcome.status, updated_at: now, ...extra };
  if (outcome.awareAt) values.aware_at = outcome.awareAt;
  if (outcome.status === 'closed') values.closed_at = now;
  if (command.event === 'reopen') values.closed_at = null;
  if (command.event === 'authority-not-required') values.authority_decision = 'not-required';
  const updated = await updateBreach(trx, actor.organisationId, row.id, values);
  await audit(trx, ctx, actor, {
    action: 'breach.transition',
    entityId: row.id,
    before: { status: row.status },
    after: {
      event: command.event,
      status: outcome.status,
      comment: command.comment,
      ...(outcome.awareAt ? { awareAt: outcome.awareAt.toISOString() } : {}),
    },
  });
  if (command.event === 'confirm-breach') await queueBreachConfirmedMail(trx, ctx, row.id);
  return updated;
}

export async function transitionBreach(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: z.output<typeof transitionSchema>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleBreach(trx, actor, breachId, true);
    if (input.event === 'authority-not-required' || input.event === 'subjects-not-required') {
      const decision = (await latestDecision(trx, actor.organisationId, breachId)) as DpoDecision | null;
      checkStepAgainstDecision(decision, input.event);
    }
    const awareAt = input.awareAt ? new Date(input.awareAt) : null;
    if (awareAt) checkBreachTimes(timesOf(row.details as Record<string, unknown>, awareAt), ctx.now());
    await moveStatus(trx, ctx, actor, row, {
      event: input.event as WorkflowEvent,
      comment: input.comment,
      awareAt,
    });
    return viewBreach(ctx, actor, breachId, trx);
  });
}

export async function addAssessment(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: z.output<typeof assessmentInputSchema>,
  lang: Lang,
) {
  const facts = parseBreachFacts(input.facts, lang, ['facts']);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleBreach(trx, actor, breachId, true);
    const now = ctx.now();
    const record = recordAssessment({
      facts,
      ...(input.decision ? { decision: input.decision } : {}),
      decidedBy: actor.label,
      decidedAt: now,
    });
    const stored = await insertAssessment(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      facts: JSON.stringify(record.facts),
      engine: JSON.stringify(record.engine),
      decision: JSON.stringify(record.decision),
      departs_from_engine: record.departsFromEngine,
      decided_by: actor.userId,
      decided_by_label: actor.label,
      decided_at: now,
    });
    await moveStatus(
      trx,
      ctx,
      actor,
      row,
      { event: 'assess', comment: input.comment },
      {
        risk_level: record.decision.riskLevel,
        breach_types: row.breach_types.length > 0 ? row.breach_types : record.facts.breachTypes,
      },
    );
    await audit(trx, ctx, actor, {
      action: 'assessment.recorded',
      entityId: breachId,
      after: {
        id: stored.id,
        facts: record.facts,
        engine: record.engine,
        decision: record.decision,
        departsFromEngine: record.departsFromEngine,
      },
    });
    return viewBreach(ctx, actor, breachId, trx);
  });
}

export async function addNotification(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: z.output<typeof notificationInputSchema>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleBreach(trx, actor, breachId, true);
    if (!row.aware_at) throw new DomainError('workflow.aware-at-required');
    const children = await breachChildren(trx, actor.organisationId, breachId);
    const toDomain = (n: {
      phase: string;
      sent_at: Date;
      channel: string;
      uodo_case_reference: string | null;
      late_reason: string | null;
    }) =>
      ({
        phase: n.phase,
        sentAt: new Date(n.sent_at),
        channel: n.channel,
        uodoCaseReference: n.uodo_case_reference,
        lateReason: n.late_reason,
      }) as SupervisoryNotification;
    const next: SupervisoryNotification = {
      phase: input.phase,
      sentAt: new Date(input.sentAt),
      channel: input.channel,
      uodoCaseReference: input.uodoCaseReference ?? null,
      lateReason: input.lateReason ?? null,
    };
    if (next.sentAt.getTime() > ctx.now().getTime() + 5 * 60_000)
      throw new DomainError('time.in-future', { field: 'sentAt' });
    checkNotification({
      awareAt: new Date(row.aware_at),
      previous: children.notifications.map(toDomain),
      next,
    });
    const stored = await insertNotification(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      phase: input.phase,
      sent_at: next.sentAt,
      channel: input.channel,
      uodo_case_reference: next.uodoCaseReference,
      late_reason: next.lateReason,
      planned_completion_date: input.plannedCompletionDate ?? null,
      note: input.note ?? null,
      created_by: actor.userId,
    });
    const firstNotifiedAt = row.first_notified_at ?? next.sentAt;
    await moveStatus(
      trx,
      ctx,
      actor,
      row,
      { event: 'notify-authority', comment: input.comment },
      {
        first_notified_at: firstNotifiedAt,
        authority_decision: 'notified',
      },
    );
    await audit(trx, ctx, actor, { action: 'notification.recorded', entityId: breachId, after: stored });
    return viewBreach(ctx, actor, breachId, trx);
  });
}

/**
 * One change of a breach: in a transaction, on the breach locked and visible to the actor, with the audit entry the
 * change returns; answers with the breach as the actor sees it afterwards.
 */
async function changeBreach(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  change: (trx: Db, row: BreachRow) => Promise<{ action: string; before?: unknown; after?: unknown }>,
): Promise<BreachView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleBreach(trx, actor, breachId, true);
    const entry = await change(trx, row);
    await audit(trx, ctx, actor, { ...entry, entityId: breachId });
    return viewBreach(ctx, actor, breachId, trx);
  });
}

export async function setSubjectCommunication(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: z.output<typeof communicationInputSchema>,
) {
  return changeBreach(ctx, actor, breachId, async (trx, row) => {
    if (input.decision === 'not-required-no-high-risk') {
      const decision = (await latestDecision(trx, actor.organisationId, breachId)) as DpoDecision | null;
      checkStepAgainstDecision(decision, input.decision);
    }
    const details = { ...(row.details as Record<string, unknown>) };
    const before = details.subjectCommunication ?? null;
    details.subjectCommunication = input;
    if (input.decision === 'told' && input.date) {
      const times = { ...((details.times as Record<string, unknown>) ?? {}) };
      times.subjectsNotifiedAt =
        times.subjectsNotifiedAt ?? new Date(`${input.date}T12:00:00Z`).toISOString();
      details.times = times;
    }
    await updateBreach(trx, actor.organisationId, breachId, {
      details: JSON.stringify(details),
      updated_at: ctx.now(),
    });
    return { action: 'communication.updated', before, after: input };
  });
}

export async function addAction(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: z.output<typeof actionInputSchema>,
) {
  return changeBreach(ctx, actor, breachId, async (trx) => {
    const now = ctx.now();
    const stored = await insertAction(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      kind: input.kind,
      description: input.description,
      owner: input.owner,
      due_date: input.dueDate,
      status: input.status,
      completed_at: input.completedAt ? new Date(input.completedAt) : input.status === 'done' ? now : null,
      effectiveness: input.effectiveness,
      effective: input.effective,
      updated_at: now,
    });
    return { action: 'action.created', after: stored };
  });
}

export async function changeAction(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  actionId: string,
  input: z.output<typeof actionUpdateSchema>,
) {
  return changeBreach(ctx, actor, breachId, async (trx) => {
    const existing = await findAction(trx, actor.organisationId, breachId, actionId);
    if (!existing) throw new DomainError('not-found');
    const now = ctx.now();
    const values = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.owner !== undefined ? { owner: input.owner } : {}),
      ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.completedAt !== undefined
        ? { completed_at: input.completedAt ? new Date(input.completedAt) : null }
        : {}),
      ...(input.effectiveness !== undefined ? { effectiveness: input.effectiveness } : {}),
      ...(input.effective !== undefined ? { effective: input.effective } : {}),
      updated_at: now,
    };
    if (input.status === 'done' && input.completedAt === undefined && !existing.completed_at)
      values.completed_at = now;
    const updated = await updateAction(trx, actor.organisationId, actionId, values);
    return { action: 'action.updated', before: existing, after: updated };
  });
}

export async function addComment(ctx: ServiceContext, actor: Actor, breachId: string, body: string) {
  return changeBreach(ctx, actor, breachId, async (trx) => {
    const comment = await insertComment(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      author_id: actor.userId,
      author_label: actor.label,
      body,
      created_at: ctx.now(),
    });
    return { action: 'comment.added', after: comment };
  });
}

export async function addApproval(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: z.output<typeof approvalInputSchema>,
) {
  return changeBreach(ctx, actor, breachId, async (trx) => {
    const approval = await insertApproval(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      subject: input.subject,
      note: input.note ?? null,
      approved_by: actor.userId,
      approved_by_label: actor.label,
      approved_at: ctx.now(),
    });
    return { action: 'approval.added', after: approval };
  });
}

export async function addAttachment(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  file: { filename: string; contentType: string; content: Buffer },
) {
  if (file.content.length > ctx.config.maxAttachmentBytes) {
    throw attachmentTooLarge(ctx.config);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await visibleBreach(trx, actor, breachId, true);
    const stored = await insertAttachment(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      filename: file.filename,
      content_type: file.contentType,
      size: file.content.length,
      sha256: sha256(file.content),
      content: file.content,
      uploaded_by: actor.userId,
      uploaded_by_label: actor.label,
      uploaded_at: ctx.now(),
    });
    await audit(trx, ctx, actor, { action: 'attachment.added', entityId: breachId, after: stored });
    return stored;
  });
}

export async function readAttachment(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  attachmentId: string,
) {
  await visibleBreach(ctx.db, actor, breachId);
  const attachment = await findAttachment(ctx.db, actor.organisationId, breachId, attachmentId);
  if (!attachment) throw new DomainError('not-found');
  return attachment;
}

/** The timeline of a breach: every audit entry about it, oldest first. */
export async function breachHistory(ctx: ServiceContext, actor: Actor, breachId: string) {
  await visibleBreach(ctx.db, actor, breachId);
  const rows = await listAuditForEntity(ctx.db, actor.organisationId, breachId);
  return rows.map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actor: r.actor_label,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}

/** The register versions a session read with it, by organisation. */
export function registerVersionsOf(session: SessionUser): ReadonlyMap<string, number> {
  return new Map(session.roles.map((m) => [m.organisationId, m.registerVersion]));
}

/** Reads one register page from the database, everything but what depends on the clock. */
async function loadRegisterPage(ctx: ServiceContext, filter: RegisterFilter): Promise<LoadedRegisterPage> {
  const { rows, total } = await listRegister(ctx.db, filter);
  return {
    total,
    rows: rows.map((r) => {
      const view: RegisterRowFields = {
        id: r.id,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        reference: r.reference,
        title: r.title,
        status: r.status,
        createdAt: iso(r.created_at)!,
        awareAt: iso(r.aware_at),
        firstNotifiedAt: iso(r.first_notified_at),
        breachTypes: r.breach_types,
        riskLevel: r.risk_level,
        authorityDecision: r.authority_decision,
        subjectsApprox: r.subjects_approx,
        closedAt: iso(r.closed_at),
      };
      const deadline = {
        aware_at: r.aware_at,
        first_notified_at: r.first_notified_at,
        authority_decision: r.authority_decision,
        due_soon_hours: r.due_soon_hours,
        critical_hours: r.critical_hours,
      };
      return {
        view,
        // The row's JSON without its closing brace: the deadline is appended per request.
        viewJsonOpen: JSON.stringify(view).slice(0, -1),
        deadline,
        // The deadline's instant depends on awareAt alone; only its state moves with the clock.
        deadlineAt: r.aware_at ? supervisoryDeadlineAt(new Date(r.aware_at)).toISOString() : null,
      };
    }),
  };
}

/** A register page, reused when read before at the register versions the caller's session read (if given). */
function readRegisterPage(
  ctx: ServiceContext,
  filter: RegisterFilter,
  versions: ReadonlyMap<string, number> | undefined,
): Promise<LoadedRegisterPage> {
  const key = versions && ctx.registerPages ? registerPageKey(filter, versions) : null;
  return key && ctx.registerPages
    ? ctx.registerPages.read(key, filter.pageSize, () => loadRegisterPage(ctx, filter))
    : loadRegisterPage(ctx, filter);
}

/** The register page: rows of every breach (notified or not) with its deadline state at this moment. */
export async function registerPage(
  ctx: ServiceContext,
  filter: RegisterFilter,
  versions?: ReadonlyMap<string, number>,
): Promise<RegisterPageView> {
  const loaded = await readRegisterPage(ctx, filter, versions);
  const now = ctx.now();
  return {
    total: loaded.total,
    page: filter.page,
    pageSize: filter.pageSize,
    items: loaded.rows.map((row) => ({
      ...row.view,
      deadline: presentDeadline(storedDeadline(row.deadline, now), row.deadlineAt),
    })),
  };
}

/**
 * The same page as JSON text, for the API: each row's unchanging part was serialised once, when it was read, and
 * only its deadline is added now. `JSON.parse` of it equals `registerPage` (tested).
 */
export async function registerPageJson(
  ctx: ServiceContext,
  filter: RegisterFilter,
  versions?: ReadonlyMap<string, number>,
): Promise<JsonText> {
  const loaded = await readRegisterPage(ctx, filter, versions);
  const now = ctx.now();
  const items = loaded.rows.map(
    (row) =>
      `${row.viewJsonOpen},"deadline":${JSON.stringify(presentDeadline(storedDeadline(row.deadline, now), row.deadlineAt))}}`,
  );
  return new JsonText(
    `{"total":${loaded.total},"page":${filter.page},"pageSize":${filter.pageSize},"items":[${items.join(',')}]}`,
  );
}
