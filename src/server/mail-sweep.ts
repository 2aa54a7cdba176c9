/**
 * The mail sweep: queues the reminders before the 72-hour deadline of art. 33(1) RODO at each organisation's
 * thresholds (hours left, default 48, 24 and 6) and when it has passed, the messages about corrective actions due
 * today and overdue, and the optional daily digest. Like the deadline sweep it is driven by stored instants and
 * markers: every message has a unique dedupe key in the outbox, so a second run, a restart or a second app
 * instance queues nothing new; a transaction-scoped advisory lock keeps two instances from sweeping at once.
 *
 * A breach that reaches several thresholds at once (confirmed late, or the app was down) gets only the most urgent
 * reminder; the others are stored as "skipped", so they are not sent later either.
 */
import { sql } from 'kysely';
import {
  actionsDueBy,
  breachesForReminders,
  digestSubscribers,
  enqueueMail,
  existingMailKeys,
  reportsAwaitingTriage,
} from '../db/mail.repository.ts';
import {
  actionMail,
  type DigestItem,
  dailyDigestMail,
  deadlineReminderMail,
  mailAudiences,
} from '../domain/mail-messages.ts';
import {
  reachedReminderThresholds,
  supervisoryDeadlineAt,
  supervisoryDeadlineStatus,
} from '../domain/notification-deadline.ts';
import { can, roles } from '../domain/permissions.ts';
import { hoursBetween, warsawDate, warsawHour } from '../domain/warsaw-time.ts';
import { breachLink, langOfUser, outboxRow, publicBaseUrl, queueForMembers } from './mail-queue.ts';
import type { ServiceContext } from './service-context.ts';

const mailSweepLockKey = 72_033_007;
/** The digest is queued from this Warsaw hour on, once per Warsaw calendar day. */
export const digestHour = 7;

export type MailSweepResult = { ran: boolean; queued: number };

export async function runMailSweep(ctx: ServiceContext): Promise<MailSweepResult> {
  if (!ctx.config.smtp) return { ran: false, queued: 0 };
  return ctx.db.transaction().execute(async (trx) => {
    const lock = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${mailSweepLockKey}) as locked`.execute(trx);
    if (!lock.rows[0]?.locked) return { ran: false, queued: 0 };
    const now = ctx.now();
    let queued = 0;

    for (const breach of await breachesForReminders(trx)) {
      const awareAt = new Date(breach.aware_at!);
      const thresholds = (
        Array.isArray(breach.reminder_thresholds) ? breach.reminder_thresholds : [48, 24, 6]
      )
        .map(Number)
        .filter((h) => Number.isFinite(h) && h > 0 && h < 72);
      // 0 = the deadline has passed.
      const reached = reachedReminderThresholds({ awareAt, now, thresholds: [...thresholds, 0] });
      const mostUrgent = reached[reached.length - 1];
      for (const threshold of reached) {
        const kind = threshold === 0 ? 'deadline-overdue' : 'deadline-reminder';
        const inserted = await queueForMembers(trx, ctx, {
          kind,
          keyPrefix: `${kind}:${threshold}:${breach.id}`,
          organisationId: breach.organisation_id,
          breachId: breach.id,
          roles: mailAudiences[kind],
          status: threshold === mostUrgent ? 'queued' : 'skipped',
          render: (lang) =>
            deadlineReminderMail({
              lang,
              organisationName: breach.organisation_name,
              reference: breach.reference,
              title: breach.title,
              link: breachLink(ctx.config, breach.organisation_id, breach.id),
              awareAt,
              deadlineAt: supervisoryDeadlineAt(awareAt),
              thresholdHours: threshold,
            }),
        });
        if (threshold === mostUrgent) queued += inserted;
      }
    }

    const today = warsawDate(now);
    for (const action of await actionsDueBy(trx, today)) {
      const overdue = (action.due_date ?? today) < today;
      const kind = overdue ? 'action-overdue' : 'action-due';
      queued += await queueForMembers(trx, ctx, {
        kind,
        keyPrefix: `${kind}:${action.id}`,
        organisationId: action.organisation_id,
        breachId: action.breach_id,
        roles: mailAudiences[kind],
        render: (lang) =>
          actionMail({
            lang,
            organisationName: action.organisation_name,
            reference: action.reference,
            title: action.title,
            link: breachLink(ctx.config, action.organisation_id, action.breach_id),
            description: action.description,
            dueDate: action.due_date ?? today,
            overdue,
          }),
      });
    }

    if (warsawHour(now) >= digestHour) queued += await queueDigests(trx, ctx, now, today);
    return { ran: true, queued };
  });
}

/** One digest per subscriber and Warsaw day, across their organisations; an empty day is marked, not sent. */
async function queueDigests(trx: ServiceContext['db'], ctx: ServiceContext, now: Date, today: string) {
  const readers = roles.filter((role) => can(role, 'breach.read'));
  const subscribers = await digestSubscribers(trx, readers);
  const keyOf = (userId: string) => `daily-digest:${today}:${userId}`;
  const existing = await existingMailKeys(
    trx,
    subscribers.map((s) => keyOf(s.id)),
  );
  const pending = subscribers.filter((s) => !existing.has(keyOf(s.id)));
  if (pending.length === 0) return 0;
  const clocks = await breachesForReminders(trx);
  const actions = await actionsDueBy(trx, today);
  const rows = [];
  for (const user of pending) {
    const orgs = new Set(user.organisationIds);
    const items: DigestItem[] = [];
    for (const breach of clocks.filter((b) => orgs.has(b.organisation_id))) {
      const awareAt = new Date(breach.aware_at!);
      const status = supervisoryDeadlineStatus({ awareAt, now });
      items.push({
        kind: 'deadline',
        organisationName: breach.organisation_name,
        reference: breach.reference,
        title: breach.title,
        deadlineAt: status.deadlineAt,
        hoursLeft: hoursBetween(now, status.deadlineAt),
      });
    }
    for (const report of await reportsAwaitingTriage(trx, user.organisationIds)) {
      items.push({
        kind: 'report',
        organisationName: report.organisation_name,
        reference: report.reference,
        title: report.title,
      });
    }
    for (const action of actions.filter((a) => orgs.has(a.organisation_id))) {
      items.push({
        kind: 'action',
        organisationName: action.organisation_name,
        reference: action.reference,
        description: action.description,
        dueDate: action.due_date ?? today,
        overdue: (action.due_date ?? today) < today,
      });
    }
    const lang = langOfUser(user.lang);
    rows.push(
      outboxRow(ctx, {
        key: keyOf(user.id),
        kind: 'daily-digest',
        to: { email: user.email, name: user.name, userId: user.id, lang },
        content: dailyDigestMail({ lang, date: now, items, link: `${publicBaseUrl(ctx.config)}/` }),
        status: items.length > 0 ? 'queued' : 'skipped',
      }),
    );
  }
  const inserted = await enqueueMail(trx, rows);
  const queuedKeys = new Set(rows.filter((r) => r.status === 'queued').map((r) => r.dedupe_key));
  return inserted.filter((key) => queuedKeys.has(key)).length;
}
