import { deadlineEventsOf } from '../db/breach.repository.ts';
import { breachFiguresOf, openActionsOf } from '../db/dashboard.repository.ts';
import { type BreachStatus, breachConfirmedStatuses } from '../domain/breach-workflow.ts';
import { hoursBetween, toWarsawLocal, warsawDate } from '../domain/warsaw-time.ts';
import type { ServiceContext } from './service-context.ts';
import { iso, presentDeadline, storedDeadline } from './stored-deadline.ts';

/**
 * The DPO's inbox and dashboard over the organisations the caller may read. Deadlines use the domain's 72-hour
 * rule (art. 33(1)) with each organisation's own amber/red thresholds, exactly as the breach page shows them.
 */

type FigureRow = Awaited<ReturnType<typeof breachFiguresOf>>[number];

const isBreach = (status: string) => breachConfirmedStatuses.includes(status as BreachStatus);
const newReportStatuses = new Set(['reported', 'triage']);
const pendingStates = new Set(['on-time', 'due-soon', 'critical', 'overdue']);

function summary(row: FigureRow) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    reference: row.reference,
    title: row.title,
    status: row.status,
    createdAt: iso(row.created_at)!,
    awareAt: iso(row.aware_at),
    riskLevel: row.risk_level,
  };
}

export async function inboxOf(ctx: ServiceContext, organisationIds: readonly string[]) {
  const now = ctx.now();
  const today = warsawDate(now);
  const rows = await breachFiguresOf(ctx.db, { organisationIds });
  const newReports = rows.filter((r) => newReportStatuses.has(r.status)).map(summary);
  const openBreaches = rows
    .filter((r) => isBreach(r.status) && r.status !== 'closed')
    .map((r) => {
      const deadline = storedDeadline(r, now);
      return {
        ...summary(r),
        deadline: presentDeadline(deadline),
      };
    })
    .sort((a, b) => {
      // Breaches still waiting for the notification decision come first, the least time left on top.
      const pendingA = a.deadline !== null && pendingStates.has(a.deadline.state);
      const pendingB = b.deadline !== null && pendingStates.has(b.deadline.state);
      if (pendingA !== pendingB) return pendingA ? -1 : 1;
      if (pendingA && pendingB) return a.deadline!.hoursLeft - b.deadline!.hoursLeft;
      return (b.awareAt ?? b.createdAt).localeCompare(a.awareAt ?? a.createdAt);
    });
  const actionsDue = (await openActionsOf(ctx.db, organisationIds, 50)).map((a) => ({
    id: a.id,
    organisationId: a.organisation_id,
    breachId: a.breach_id,
    reference: a.reference,
    title: a.title,
    kind: a.kind,
    description: a.description,
    owner: a.owner,
    dueDate: a.due_date,
    status: a.status,
    overdue: a.due_date !== null && a.due_date < today,
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const deadlineEvents = (await deadlineEventsOf(ctx.db, organisationIds)).slice(0, 20).flatMap((e) => {
    const breach = e.breach_id ? byId.get(e.breach_id) : undefined;
    if (!breach) return [];
    return [
      {
        id: e.id,
        kind: e.kind,
        at: iso(e.created_at)!,
        breachId: breach.id,
        organisationId: breach.organisation_id,
        reference: breach.reference,
        title: breach.title,
      },
    ];
  });
  return { newReports, openBreaches, actionsDue, deadlineEvents };
}

function months(year: number | undefined, now: Date): string[] {
  if (year !== undefined) {
    return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  }
  const [y, m] = toWarsawLocal(now).slice(0, 7).split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function countBy<T extends string>(values: readonly T[]): { key: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export async function dashboardOf(
  ctx: ServiceContext,
  filter: { organisationIds: readonly string[]; year?: number | undefined },
) {
  const now = ctx.now();
  const today = warsawDate(now);
  const rows = await breachFiguresOf(ctx.db, filter);
  const breaches = rows.filter((r) => isBreach(r.status));
  const monthKeys = months(filter.year, now);
  const perMonth = monthKeys.map((month) => ({ month, incidents: 0, breaches: 0 }));
  for (const row of rows) {
    const month = toWarsawLocal(new Date(row.aware_at ?? row.created_at)).slice(0, 7);
    const entry = perMonth.find((m) => m.month === month);
    if (!entry) continue;
    entry.incidents++;
    if (isBreach(row.status)) entry.breaches++;
  }
  const notification = breaches
    .filter((r) => r.aware_at && r.first_notified_at)
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      hours: hoursBetween(new Date(r.aware_at!), new Date(r.first_notified_at!)),
    }))
    .sort((a, b) => a.hours - b.hours);
  const states = breaches.map((r) => storedDeadline(r, now)?.state ?? null);
  const openActions = await openActionsOf(ctx.db, filter.organisationIds, 10_000);
  return {
    year: filter.year ?? null,
    totals: {
      incidents: rows.length,
      breaches: breaches.length,
      notified: breaches.filter((r) => r.first_notified_at !== null).length,
      notNotified: breaches.filter((r) => r.first_notified_at === null).length,
      open: breaches.filter((r) => r.status !== 'closed').length,
      closed: breaches.filter((r) => r.status === 'closed').length,
    },
    perMonth,
    byType: countBy(breaches.flatMap((r) => r.breach_types)).map(({ key, count }) => ({ type: key, count })),
    byCause: countBy(breaches.map((r) => r.cause ?? 'unknown')).map(({ key, count }) => ({
      cause: key,
      count,
    })),
    timeToNotification: {
      items: notification,
      medianHours: median(notification.map((n) => n.hours)),
      maxHours: notification.length ? notification.at(-1)!.hours : null,
      withinDeadline: notification.filter((n) => n.hours <= 72).length,
      late: notification.filter((n) => n.hours > 72).length,
    },
    overdue: {
      notificationOverdue: states.filter((s) => s === 'overdue').length,
      notifiedLate: states.filter((s) => s === 'met-late').length,
      actionsOverdue: openActions.filter((a) => a.due_date !== null && a.due_date < today).length,
    },
  };
}
