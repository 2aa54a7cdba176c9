import { describe, expect, it } from 'vitest';
import {
  isLateNotification,
  processorDelayHours,
  reachedReminderThresholds,
  supervisoryDeadlineAt,
  supervisoryDeadlineStatus,
} from '../../src/domain/notification-deadline.ts';
import {
  formatDuration,
  formatWarsawDateTime,
  fromWarsawLocal,
  toWarsawLocal,
} from '../../src/domain/warsaw-time.ts';

const at = fromWarsawLocal;
const hours = (n: number) => n * 3_600_000;

describe('the 72-hour deadline (art. 33(1)) in real elapsed hours, shown in Warsaw time', () => {
  it.each([
    // [became aware (Warsaw), deadline (Warsaw), why]
    [
      '2026-11-20T16:45',
      '2026-11-23T16:45',
      'an ordinary weekend counts: calendar hours (DOMAIN.md "Deadlines")',
    ],
    [
      '2026-03-27T10:00',
      '2026-03-30T11:00',
      'spring forward (29 March 2026): 72 real hours end at 11:00 CEST',
    ],
    ['2026-10-23T10:00', '2026-10-26T09:00', 'fall back (25 October 2026): 72 real hours end at 09:00 CET'],
    ['2028-02-27T08:30', '2028-03-01T08:30', 'a leap year: 29 February 2028 is one of the three days'],
    ['2027-02-27T08:30', '2027-03-02T08:30', 'no leap day in 2027'],
    ['2026-12-31T23:59', '2027-01-03T23:59', 'across New Year and a holiday'],
  ])('aware %s → deadline %s (%s)', (aware, deadline) => {
    const deadlineAt = supervisoryDeadlineAt(at(aware));
    expect(toWarsawLocal(deadlineAt)).toBe(deadline);
    expect(deadlineAt.getTime() - at(aware).getTime()).toBe(hours(72));
  });

  it('a wall-clock time in the autumn hour that occurs twice starts the clock at the earlier instant', () => {
    expect(at('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('formats in Polish and English, Warsaw time', () => {
    const instant = new Date('2026-03-30T09:00:00Z');
    expect(formatWarsawDateTime(instant, 'pl')).toBe('30.03.2026 11:00');
    expect(formatWarsawDateTime(instant, 'en')).toBe('30/03/2026 11:00');
    expect(formatDuration(hours(71) + 5 * 60_000, 'pl')).toBe('71 godz. 5 min');
    expect(formatDuration(-hours(2), 'en')).toBe('−2 h 0 min');
  });
});

describe('deadline states', () => {
  const awareAt = at('2026-11-20T12:00');
  const status = (nowLocal: string, extra: Partial<Parameters<typeof supervisoryDeadlineStatus>[0]> = {}) =>
    supervisoryDeadlineStatus({ awareAt, now: at(nowLocal), ...extra });

  it.each([
    ['2026-11-20T13:00', 'on-time', 71],
    ['2026-11-22T12:00', 'due-soon', 24],
    ['2026-11-23T06:00', 'critical', 6],
    ['2026-11-23T12:00', 'critical', 0],
    ['2026-11-23T12:01', 'overdue', -1 / 60],
  ])('at %s the state is %s with %d hours left', (now, state, left) => {
    const result = status(now);
    expect(result.state).toBe(state);
    expect(result.hoursLeft).toBeCloseTo(left, 5);
  });

  it('thresholds are configurable', () => {
    expect(status('2026-11-21T12:00', { thresholds: { dueSoonHours: 48, criticalHours: 12 } }).state).toBe(
      'due-soon',
    );
    expect(status('2026-11-21T12:00').state).toBe('on-time');
  });

  it('a notification in time is met, a late one is met-late, a decision not to notify ends the countdown', () => {
    expect(status('2026-11-25T12:00', { firstNotifiedAt: at('2026-11-22T09:00') }).state).toBe('met');
    expect(status('2026-11-25T12:00', { firstNotifiedAt: at('2026-11-24T09:00') }).state).toBe('met-late');
    expect(status('2026-11-25T12:00', { notRequired: true }).state).toBe('not-required');
  });

  it('late means after the 72nd hour, not at it', () => {
    expect(isLateNotification(awareAt, at('2026-11-23T12:00'))).toBe(false);
    expect(isLateNotification(awareAt, at('2026-11-23T12:01'))).toBe(true);
  });

  it('reminder thresholds reached, largest first; 0 once the deadline has passed', () => {
    const thresholds = [48, 24, 6, 0];
    expect(reachedReminderThresholds({ awareAt, now: at('2026-11-20T23:00'), thresholds })).toEqual([]);
    expect(reachedReminderThresholds({ awareAt, now: at('2026-11-21T12:00'), thresholds })).toEqual([48]);
    expect(reachedReminderThresholds({ awareAt, now: at('2026-11-23T07:00'), thresholds })).toEqual([
      48, 24, 6,
    ]);
    expect(reachedReminderThresholds({ awareAt, now: at('2026-11-23T13:00'), thresholds })).toEqual([
      48, 24, 6, 0,
    ]);
  });

  it("a processor's delay in telling the controller (art. 33(2)) is measured in hours", () => {
    expect(
      processorDelayHours({
        processorAwareAt: at('2026-03-28T20:00'),
        controllerInformedAt: at('2026-03-29T20:00'),
      }),
    ).toBe(23);
  });
});
