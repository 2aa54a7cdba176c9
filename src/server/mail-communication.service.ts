/**
 * Communications to data subjects by e-mail (art. 34 RODO): from a breach's people list (uploaded, or kept by a
 * leak analysis) a batch queues one personalised message per person, the same text as the printed letter. The
 * outbox's dedupe key is (breach, address), so a second batch for the same breach, a retried request or a crash
 * never writes to anyone twice. Progress is read from the outbox rows; the sender records the outcome on the
 * breach when the batch is settled.
 */
import { appendAudit } from '../db/audit.repository.ts';
import { lockBreach } from '../db/breach.repository.ts';
import {
  enqueueMail,
  existingMailKeys,
  findMailBatch,
  insertMailBatch,
  listMailBatches,
  mailBatchCounts,
  mailBatchRecipients,
  setMailBatchTotals,
} from '../db/mail.repository.ts';
import { PeopleListError } from '../documents/read-people-list.ts';
import type { BreachCase } from '../domain/breach-case.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import { subjectCommunicationMail } from '../domain/mail-letter.ts';
import { type MailRecipient, readMailRecipients, type SkippedRow } from '../mail/read-mail-recipients.ts';
import { viewBreach } from './breach.service.ts';
import { outboxRow } from './mail-queue.ts';
import { scanPeople } from './scan.service.ts';
import type { Actor, ServiceContext } from './service-context.ts';

export type CommunicationSource =
  | { kind: 'upload'; bytes: Uint8Array; filename: string }
  | { kind: 'scan'; scanId: string };

const mailOff = () =>
  new DomainError('validation.invalid', {
    field: 'SMTP_HOST',
    detail: {
      pl: 'wysyłka e-mail jest wyłączona: administrator serwera nie skonfigurował SMTP',
      en: 'e-mail is off: the server administrator has not configured SMTP',
    },
  });

async function recipientsOf(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  source: CommunicationSource,
  lang: Lang,
): Promise<{ recipients: MailRecipient[]; skipped: SkippedRow[]; label: string }> {
  let bytes: Uint8Array;
  let label: string;
  if (source.kind === 'upload') {
    bytes = source.bytes;
    label = source.filename;
  } else {
    const scan = await scanPeople(ctx, actor, breachId, source.scanId);
    bytes = scan.people;
    label =
      lang === 'pl' ? `lista osób z analizy wycieku ${scan.id}` : `people list of leak analysis ${scan.id}`;
  }
  try {
    const read = await readMailRecipients(bytes, label, lang);
    if (read.recipients.length === 0) {
      throw new DomainError('validation.invalid', {
        field: label,
        detail: { pl: 'brak osób z adresem e-mail', en: 'nobody with an e-mail address' },
      });
    }
    return { ...read, label };
  } catch (error) {
    if (error instanceof PeopleListError) {
      throw new DomainError('validation.invalid', { field: label, detail: error.message });
    }
    throw error;
  }
}

/** Starts a batch: one queued, personalised message per person not written to before about this breach. */
export async function startCommunicationBatch(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  input: { source: CommunicationSource; lang: Lang },
) {
  if (!ctx.config.smtp) throw mailOff();
  const { lang } = input;
  const { recipients, skipped, label } = await recipientsOf(ctx, actor, breachId, input.source, lang);
  const breach = (await viewBreach(ctx, actor, breachId)) as BreachCase;
  const keyOf = (r: MailRecipient) => `subject-communication:${breachId}:${r.email.toLowerCase()}`;
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await lockBreach(trx, actor.organisationId, breachId))) throw new DomainError('not-found');
    const now = ctx.now();
    const batch = await insertMailBatch(trx, {
      organisation_id: actor.organisationId,
      breach_id: breachId,
      source: label,
      lang,
      total: 0,
      skipped: '[]',
      status: 'running',
      started_by: actor.userId,
      started_by_label: actor.label,
      started_at: now,
    });
    const existing = await existingMailKeys(trx, recipients.map(keyOf));
    const alreadyTold: SkippedRow[] = [];
    const rows = [];
    for (const [index, recipient] of recipients.entries()) {
      if (existing.has(keyOf(recipient))) {
        alreadyTold.push({
          row: index + 2,
          reason:
            lang === 'pl'
              ? `${recipient.email}: wiadomość w tej sprawie została już zlecona`
              : `${recipient.email}: already written to about this breach`,
        });
        continue;
      }
      rows.push(
        outboxRow(ctx, {
          key: keyOf(recipient),
          kind: 'subject-communication',
          to: {
            email: recipient.email,
            name: `${recipient.firstName} ${recipient.lastName}`.trim(),
            lang,
          },
          content: subjectCommunicationMail(breach, { lang, generatedAt: now, recipient }),
          organisationId: actor.organisationId,
          breachId,
          batchId: batch.id,
        }),
      );
    }
    const inserted = await enqueueMail(trx, rows);
    const allSkipped = [...skipped, ...alreadyTold];
    await setMailBatchTotals(trx, batch.id, {
      total: inserted.length,
      skipped: JSON.stringify(allSkipped),
      status: inserted.length === 0 ? 'done' : 'running',
      finished_at: inserted.length === 0 ? now : null,
    });
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'communication.email-batch-started',
      entity: 'breach',
      entityId: breachId,
      after: { batchId: batch.id, source: label, queued: inserted.length, skipped: allSkipped.length, lang },
      at: now,
    });
    return presentBatch(
      { ...batch, total: inserted.length, status: inserted.length === 0 ? 'done' : 'running' },
      { queued: inserted.length, sending: 0, sent: 0, retrying: 0, failed: 0 },
      allSkipped,
    );
  });
}

type BatchRow = NonNullable<Awaited<ReturnType<typeof findMailBatch>>>;

function presentBatch(
  batch: Omit<BatchRow, 'skipped' | 'finished_at'> & { finished_at?: BatchRow['finished_at'] },
  counts: Awaited<ReturnType<typeof mailBatchCounts>> extends Map<string, infer C> ? C : never,
  skipped: SkippedRow[],
) {
  return {
    id: batch.id,
    status: batch.status,
    source: batch.source,
    lang: batch.lang,
    total: batch.total,
    progress: counts,
    skipped,
    startedBy: batch.started_by_label,
    startedAt: new Date(batch.started_at).toISOString(),
    finishedAt: batch.finished_at ? new Date(batch.finished_at).toISOString() : null,
  };
}

export async function listCommunicationBatches(ctx: ServiceContext, actor: Actor, breachId: string) {
  const batches = await listMailBatches(ctx.db, actor.organisationId, breachId);
  const counts = await mailBatchCounts(
    ctx.db,
    batches.map((b) => b.id),
  );
  return batches.map((b) =>
    presentBatch(
      b,
      counts.get(b.id) ?? { queued: 0, sending: 0, sent: 0, retrying: 0, failed: 0 },
      b.skipped,
    ),
  );
}

/** One batch with its progress and a page of recipients with their state (and the reason of a failure). */
export async function communicationBatch(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  batchId: string,
  page: { status?: string; limit: number; offset: number },
) {
  const batch = await findMailBatch(ctx.db, actor.organisationId, breachId, batchId);
  if (!batch) throw new DomainError('not-found');
  const counts = (await mailBatchCounts(ctx.db, [batch.id])).get(batch.id)!;
  const recipients = await mailBatchRecipients(ctx.db, batch.id, page);
  return {
    ...presentBatch(batch, counts, batch.skipped),
    recipients: recipients.map((r) => ({
      email: r.recipient,
      name: r.recipient_name,
      status: r.status,
      attempts: r.attempts,
      error: r.last_error,
      nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at).toISOString() : null,
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      messageId: r.message_id,
    })),
  };
}
