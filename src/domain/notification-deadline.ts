/**
 * The 72-hour clock of GDPR art. 33(1): notify UODO without undue delay and, where feasible, within 72 hours of
 * becoming aware ("stwierdzenie naruszenia"); a later notification carries the reasons for the delay. Calendar
 * hours: weekends and holidays count. Hours are real elapsed hours, so a daylight-saving change moves the deadline's
 * Warsaw wall-clock reading by an hour, never its instant.
 */
import { addHours, hoursBetween } from './warsaw-time.ts';

export const supervisoryDeadlineHours = 72;

/** When the countdown turns amber (due soon) and red (critical); configurable per organisation. */
export type DeadlineThresholds = { dueSoonHours: number; criticalHours: number };
export const defaultDeadlineThresholds: DeadlineThresholds = { dueSoonHours: 24, criticalHours: 6 };

export const deadlineStates = [
  'on-time',
  'due-soon',
  'critical',
  'overdue',
  'met',
  'met-late',
  'not-required',
] as const;
export type DeadlineState = (typeof deadlineStates)[number];

export type DeadlineStatus = {
  deadlineAt: Date;
  state: DeadlineState;
  /** Hours left until the deadline at `now` (negative once passed); at the notification when one was sent. */
  hoursLeft: number;
};

export function supervisoryDeadlineAt(awareAt: Date): Date {
  return addHours(awareAt, supervisoryDeadlineHours);
}

/** A notification sent after the deadline must state the reasons for the delay (art. 33(1), UODO form 3A). */
export function isLateNotification(awareAt: Date, sentAt: Date): boolean {
  return sentAt.getTime() > supervisoryDeadlineAt(awareAt).getTime();
}

/**
 * Where a breach stands against the deadline at `now`. `firstNotifiedAt` is the first notification of any phase
 * (an initial notification meets the deadline, art. 33(4)); `notRequired` is the recorded decision not to notify.
 */
export function supervisoryDeadlineStatus(input: {
  awareAt: Date;
  now: Date;
  firstNotifiedAt?: Date | null;
  notRequired?: boolean;
  thresholds?: DeadlineThresholds;
}): DeadlineStatus {
  const thresholds = input.thresholds ?? defaultDeadlineThresholds;
  const deadlineAt = supervisoryDeadlineAt(input.awareAt);
  if (input.firstNotifiedAt) {
    const hoursLeft = hoursBetween(input.firstNotifiedAt, deadlineAt);
    return { deadlineAt, state: hoursLeft < 0 ? 'met-late' : 'met', hoursLeft };
  }
  const hoursLeft = hoursBetween(input.now, deadlineAt);
  if (input.notRequired) return { deadlineAt, state: 'not-required', hoursLeft };
  let state: DeadlineState = 'on-time';
  if (hoursLeft < 0) state = 'overdue';
  else if (hoursLeft <= thresholds.criticalHours) state = 'critical';
  else if (hoursLeft <= thresholds.dueSoonHours) state = 'due-soon';
  return { deadlineAt, state, hoursLeft };
}

/**
 * The reminder thresholds (hours left, e.g. 48, 24, 6; 0 = deadline passed) that have been reached at `now`,
 * largest first. A sweep sends the reminder of each threshold once, keeping a marker per threshold.
 */
export function reachedReminderThresholds(input: {
  awareAt: Date;
  now: Date;
  thresholds: readonly number[];
}): number[] {
  const hoursLeft = hoursBetween(input.now, supervisoryDeadlineAt(input.awareAt));
  return [...new Set(input.thresholds)].filter((threshold) => hoursLeft <= threshold).sort((a, b) => b - a);
}

/** How long a processor took to tell its controller (art. 33(2): without undue delay), in hours. */
export function processorDelayHours(input: { processorAwareAt: Date; controllerInformedAt: Date }): number {
  return hoursBetween(input.processorAwareAt, input.controllerInformedAt);
}
