/**
 * The sender: claims due rows of the outbox, sends them one by one at the configured rate, and records each as
 * sent, or failed with the reason (retried later with backoff when the failure is temporary). When the last
 * message of a communication batch is settled, it records on the breach how many people were told, when and by
 * which channel (art. 34 RODO; UODO's form section 10), with an audit entry.
 *
 * Delivery is at-least-once, made as close to exactly-once as SMTP allows. A row is marked "sending" (committed)
 * before the SMTP call and "sent" right after the server accepts it. A sender stopping cleanly finishes the message
 * in hand and gives the rest back; a crashed one leaves its claimed rows "sending", and they are taken again only
 * after `sendingTimeoutMs` — far longer than one SMTP exchange can last (nodemailer's socket timeout is 60 s), so a
 * live sender is never overtaken. Rows claimed but not yet attempted when the process died are then sent once.
 * Only a crash in the moment between the server's "250 OK" and the update to "sent" can repeat a message; that
 * repeat carries the same Message-ID (stored per row), which mail systems use to recognise a duplicate. Exactly-once
 * would need the SMTP server to take part in our transaction, which it cannot.
 */
import { appendAudit } from '../db/audit.repository.ts';
import { lockBreach, updateBreach } from '../db/breach.repository.ts';
import {
  claimDueMail,
  communicationDeliveries,
  finishMailBatch,
  lockRunningMailBatch,
  mailBatchCounts,
  markMailFailed,
  markMailSent,
  releaseMail,
  runningMailBatchIds,
} from '../db/mail.repository.ts';
import { warsawDate } from '../domain/warsaw-time.ts';
import { type MailProvider, MailSendError } from '../mail/mail-provider.ts';
import type { ServiceContext } from './service-context.ts';

/** A row left "sending" longer than this was abandoned by a stopped instance. */
export const sendingTimeoutMs = 10 * 60_000;
/** Attempts before a temporary failure is given up. */
export const maxMailAttempts = 8;
/** Minutes to wait before attempt n+1 after n failed attempts. */
const backoffMinutes = [1, 5, 15, 60, 180, 360, 720];

export function retryDelayMs(attempts: number): number {
  return (backoffMinutes[Math.min(attempts, backoffMinutes.length) - 1] ?? 1) * 60_000;
}

/**
 * Spaces messages at the configured rate (per minute, wall-clock time; 0 = no limit): never faster. The rate holds per app
 * instance: two instances on one database may together send twice as fast.
 */
export class MailPacer {
  private last = Number.NEGATIVE_INFINITY;
  constructor(private readonly ratePerMinute: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (this.ratePerMinute <= 0) return;
    const interval = 60_000 / this.ratePerMinute;
    const delay = this.last + interval - performance.now();
    if (delay > 0) await sleep(delay, signal);
  }

  /** Counted from the end of an attempt, so connecting and the SMTP exchange never squeeze the next gap. */
  attempted(): void {
    this.last = performance.now();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export type SendResult = { sent: number; failed: number };

/**
 * Sends what is due until nothing is, or `signal` aborts. On abort, `releaseOnAbort` gives the claimed, unattempted
 * rows back at once (a clean stop); without it they stay "sending", as after a crash.
 */
export async function sendDueMail(
  ctx: ServiceContext,
  options: {
    provider: MailProvider;
    pacer: MailPacer;
    signal?: AbortSignal;
    releaseOnAbort?: boolean;
    claimSize?: number;
  },
): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0 };
  const { signal } = options;
  for (;;) {
    if (signal?.aborted) break;
    const now = ctx.now();
    const claimed = await claimDueMail(ctx.db, {
      now,
      staleBefore: new Date(now.getTime() - sendingTimeoutMs),
      limit: options.claimSize ?? 10,
    });
    if (claimed.length === 0) break;
    for (const [index, row] of claimed.entries()) {
      await options.pacer.wait(signal);
      if (signal?.aborted) {
        if (options.releaseOnAbort)
          await releaseMail(
            ctx.db,
            claimed.slice(index).map((r) => r.id),
            ctx.now(),
          );
        return result;
      }
      try {
        await options.provider.send({
          to: row.recipient,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: row.message_id,
          automatic: row.kind !== 'subject-communication',
        });
        await markMailSent(ctx.db, row.id, ctx.now());
        result.sent++;
      } catch (error) {
        const failure =
          error instanceof MailSendError
            ? error
            : new MailSendError(String((error as Error)?.message ?? error), true);
        const retry = failure.temporary && row.attempts < maxMailAttempts;
        await markMailFailed(
          ctx.db,
          row.id,
          failure.message,
          retry ? new Date(ctx.now().getTime() + retryDelayMs(row.attempts)) : null,
        );
        result.failed++;
      } finally {
        options.pacer.attempted();
      }
    }
  }
  await finishSettledBatches(ctx);
  return result;
}

/** Batches with nothing left to send or retry: done, and the breach records the communication. */
export async function finishSettledBatches(ctx: ServiceContext): Promise<number> {
  const ids = await runningMailBatchIds(ctx.db);
  const counts = await mailBatchCounts(ctx.db, ids);
  let finished = 0;
  for (const id of ids) {
    const c = counts.get(id);
    if (!c || c.queued + c.sending + c.retrying > 0) continue;
    await ctx.db.transaction().execute(async (trx) => {
      const batch = await lockRunningMailBatch(trx, id);
      if (!batch) return;
      const now = ctx.now();
      await finishMailBatch(trx, id, now);
      finished++;
      const breach = await lockBreach(trx, batch.organisation_id, batch.breach_id);
      if (!breach) return;
      const delivered = await communicationDeliveries(trx, batch.breach_id);
      const details = { ...(breach.details as Record<string, unknown>) };
      const before = (details.subjectCommunication ?? null) as Record<string, unknown> | null;
      const previousByEmail = ((details.emailCommunication ?? {}) as { sent?: number }).sent ?? 0;
      const firstSentAt = delivered.first_sent_at ? new Date(delivered.first_sent_at) : null;
      const after =
        delivered.sent === 0
          ? before
          : {
              decision: 'told',
              individually: true,
              date: (before?.date as string | null) ?? (firstSentAt ? warsawDate(firstSentAt) : null),
              plannedDate: before?.plannedDate ?? null,
              // Letters or calls recorded by hand keep their count; e-mails add what they delivered.
              numberNotified: Math.max(
                0,
                ((before?.numberNotified as number | null) ?? 0) - previousByEmail + delivered.sent,
              ),
              channels: [...new Set([...((before?.channels as string[] | undefined) ?? []), 'email'])],
              channelsText: before?.channelsText ?? null,
              content: before?.content ?? null,
            };
      details.subjectCommunication = after;
      details.emailCommunication = {
        sent: delivered.sent,
        firstSentAt: firstSentAt?.toISOString() ?? null,
        lastSentAt: delivered.last_sent_at ? new Date(delivered.last_sent_at).toISOString() : null,
      };
      if (firstSentAt) {
        const times = { ...((details.times as Record<string, unknown>) ?? {}) };
        times.subjectsNotifiedAt = times.subjectsNotifiedAt ?? firstSentAt.toISOString();
        details.times = times;
      }
      await updateBreach(trx, batch.organisation_id, batch.breach_id, {
        details: JSON.stringify(details),
        updated_at: now,
      });
      await appendAudit(trx, {
        organisationId: batch.organisation_id,
        actorId: null,
        actorLabel: 'incydent (system)',
        action: 'communication.email-batch-finished',
        entity: 'breach',
        entityId: batch.breach_id,
        before,
        after: { batchId: id, sent: c.sent, failed: c.failed, channel: 'email', subjectCommunication: after },
        at: now,
      });
    });
  }
  return finished;
}

/**
 * The sender loop of a running server: sends what is due, then waits `idleMs` (or a `wake()`). `stop` finishes the
 * message in hand and gives the rest back.
 */
export function startMailSender(
  ctx: ServiceContext,
  options: { provider: MailProvider; idleMs?: number; onError?: (error: unknown) => void },
) {
  const controller = new AbortController();
  const pacer = new MailPacer(ctx.config.mailRatePerMinute);
  let wakeUp: (() => void) | null = null;
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        await sendDueMail(ctx, {
          provider: options.provider,
          pacer,
          signal: controller.signal,
          releaseOnAbort: true,
        });
      } catch (error) {
        options.onError?.(error);
      }
      if (controller.signal.aborted) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        sleep(options.idleMs ?? 5_000, controller.signal).then(resolve);
      });
      wakeUp = null;
    }
  })();
  return {
    wake() {
      wakeUp?.();
    },
    async stop() {
      controller.abort();
      await loop;
      options.provider.close();
    },
  };
}
