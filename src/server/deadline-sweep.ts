/**
 * The deadline sweep: marks breaches whose 72-hour clock turned due soon, critical or overdue, and corrective
 * actions past their due date. Driven by stored timestamps and "handled" markers (a unique event per subject and
 * kind), so running it twice, after a restart or from two app instances on one database records each event once.
 * A transaction-scoped advisory lock keeps two instances from sweeping at the same moment.
 */
import { sql } from 'kysely';
import { appendAudit } from '../db/audit.repository.ts';
import { actionsPastDue, breachesOnTheClock, insertDeadlineEventOnce } from '../db/breach.repository.ts';
import { pruneRateEventsAndSessions } from '../db/user.repository.ts';
import { supervisoryDeadlineStatus } from '../domain/notification-deadline.ts';
import { warsawDate } from '../domain/warsaw-time.ts';
import type { ServiceContext } from './service-context.ts';

const sweepLockKey = 72_033_001;

export type SweepResult = { ran: boolean; events: { kind: string; subjectId: string }[] };

export async function runDeadlineSweep(ctx: ServiceContext): Promise<SweepResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const lock = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${sweepLockKey}) as locked`.execute(trx);
    if (!lock.rows[0]?.locked) return { ran: false, events: [] };
    const now = ctx.now();
    const events: { kind: string; subjectId: string }[] = [];
    const record = async (
      organisationId: string,
      breachId: string,
      actionId: string | null,
      kind: string,
      after: unknown,
    ) => {
      const inserted = await insertDeadlineEventOnce(trx, {
        organisationId,
        breachId,
        actionId,
        kind,
        at: now,
      });
      if (!inserted) return;
      events.push({ kind, subjectId: actionId ?? breachId });
      await appendAudit(trx, {
        organisationId,
        actorId: null,
        actorLabel: 'incydent (system)',
        action: `deadline.${kind}`,
        entity: 'breach',
        entityId: breachId,
        after,
        at: now,
      });
    };
    for (const breach of await breachesOnTheClock(trx)) {
      const status = supervisoryDeadlineStatus({
        awareAt: new Date(breach.aware_at!),
        now,
        thresholds: { dueSoonHours: breach.due_soon_hours, criticalHours: breach.critical_hours },
      });
      const reached =
        {
          'on-time': [],
          'due-soon': ['due-soon'],
          critical: ['due-soon', 'critical'],
          overdue: ['due-soon', 'critical', 'overdue'],
        }[status.state as 'on-time' | 'due-soon' | 'critical' | 'overdue'] ?? [];
      for (const kind of reached) {
        await record(breach.organisation_id, breach.id, null, `supervisory-${kind}`, {
          deadlineAt: status.deadlineAt.toISOString(),
          hoursLeft: status.hoursLeft,
        });
      }
    }
    const today = warsawDate(now);
    for (const action of await actionsPastDue(trx, today)) {
      await record(action.organisation_id, action.breach_id, action.id, 'action-overdue', {
        dueDate: action.due_date,
      });
    }
    await pruneRateEventsAndSessions(trx, new Date(now.getTime() - 24 * 3_600_000), now);
    return { ran: true, events };
  });
}
