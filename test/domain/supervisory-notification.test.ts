import { describe, expect, it } from 'vitest';
import {
  checkNotification,
  type SupervisoryNotification,
} from '../../src/domain/supervisory-notification.ts';
import { fromWarsawLocal as at } from '../../src/domain/warsaw-time.ts';

const awareAt = at('2026-11-20T12:00');
const notification = (overrides: Partial<SupervisoryNotification>): SupervisoryNotification => ({
  phase: 'initial',
  sentAt: at('2026-11-21T10:00'),
  channel: 'biznes-gov-pl',
  uodoCaseReference: null,
  lateReason: null,
  ...overrides,
});
const code = (c: string) => expect.objectContaining({ code: c });

describe('notifications to UODO in phases (art. 33(1), 33(4); UODO form section 1)', () => {
  it('an initial notification in time, then a supplementary one with UODO case reference', () => {
    const initial = notification({});
    expect(() => checkNotification({ awareAt, previous: [], next: initial })).not.toThrow();
    const supplementary = notification({
      phase: 'supplementary',
      sentAt: at('2026-11-27T10:00'),
      uodoCaseReference: 'DKN.5130.1234.2026',
    });
    expect(() => checkNotification({ awareAt, previous: [initial], next: supplementary })).not.toThrow();
  });

  it('a supplementary notification first is refused', () => {
    expect(() =>
      checkNotification({
        awareAt,
        previous: [],
        next: notification({ phase: 'supplementary', uodoCaseReference: 'X' }),
      }),
    ).toThrowError(code('notification.phase-order'));
  });

  it("a supplementary notification names UODO's case reference", () => {
    expect(() =>
      checkNotification({
        awareAt,
        previous: [notification({})],
        next: notification({ phase: 'supplementary', uodoCaseReference: '  ' }),
      }),
    ).toThrowError(code('notification.case-reference-required'));
  });

  it('a first notification after 72 hours needs the reasons for the delay; with them it is accepted', () => {
    const late = notification({ phase: 'complete', sentAt: at('2026-11-23T12:01') });
    expect(() => checkNotification({ awareAt, previous: [], next: late })).toThrowError(
      code('notification.late-reason-required'),
    );
    expect(() =>
      checkNotification({
        awareAt,
        previous: [],
        next: {
          ...late,
          lateReason: 'Ustalenie zakresu wymagało analizy kopii zapasowych przez zewnętrzną firmę.',
        },
      }),
    ).not.toThrow();
  });

  it('a later phase after a timely initial notification needs no delay reason', () => {
    expect(() =>
      checkNotification({
        awareAt,
        previous: [notification({})],
        next: notification({ phase: 'complete', sentAt: at('2026-12-05T10:00') }),
      }),
    ).not.toThrow();
  });

  it('a notification cannot precede becoming aware', () => {
    expect(() =>
      checkNotification({ awareAt, previous: [], next: notification({ sentAt: at('2026-11-19T10:00') }) }),
    ).toThrowError(code('time.order'));
  });
});
