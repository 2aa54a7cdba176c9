import { type DeadlineStatus, supervisoryDeadlineStatus } from '../domain/notification-deadline.ts';

/** An instant from the database as ISO 8601 text, or null. */
export const iso = (value: Date | string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null;

/** The columns of a stored breach (and its organisation's thresholds) that its 72-hour deadline depends on. */
export type StoredDeadlineFields = {
  aware_at: Date | string | null;
  first_notified_at: Date | string | null;
  authority_decision: string | null;
  due_soon_hours: number;
  critical_hours: number;
};

/** Where a stored breach stands against the 72-hour deadline at `now` (null before the breach was confirmed). */
export function storedDeadline(row: StoredDeadlineFields, now: Date): DeadlineStatus | null {
  if (!row.aware_at) return null;
  return supervisoryDeadlineStatus({
    awareAt: new Date(row.aware_at),
    now,
    firstNotifiedAt: row.first_notified_at ? new Date(row.first_notified_at) : null,
    notRequired: row.authority_decision === 'not-required',
    thresholds: { dueSoonHours: row.due_soon_hours, criticalHours: row.critical_hours },
  });
}

/** The deadline as the API presents it; `deadlineAt` may come already formatted (it never changes). */
export function presentDeadline(status: DeadlineStatus | null, deadlineAt?: string | null) {
  return status
    ? {
        deadlineAt: deadlineAt ?? status.deadlineAt.toISOString(),
        state: status.state,
        hoursLeft: status.hoursLeft,
      }
    : null;
}
