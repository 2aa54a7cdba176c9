import { describe, expect, it } from 'vitest';
import { type BreachTimes, checkBreachTimes, emptyBreachTimes } from '../../src/domain/breach-times.ts';
import { fromWarsawLocal as at } from '../../src/domain/warsaw-time.ts';

const now = at('2026-11-22T12:00');
const times = (overrides: Partial<BreachTimes>): BreachTimes => ({ ...emptyBreachTimes, ...overrides });

describe('the times of a breach are kept apart and in order (UODO form section 3)', () => {
  it('accepts a plausible sequence, with unknown times left out', () => {
    expect(() =>
      checkBreachTimes(
        times({
          startedAt: at('2026-11-18T08:00'),
          detectedAt: at('2026-11-19T09:00'),
          reportedAt: at('2026-11-19T09:30'),
          awareAt: at('2026-11-19T14:00'),
        }),
        now,
      ),
    ).not.toThrow();
  });

  it('refuses an end before the start, naming both fields', () => {
    expect(() =>
      checkBreachTimes(times({ startedAt: at('2026-11-18T08:00'), endedAt: at('2026-11-17T08:00') }), now),
    ).toThrowError(
      expect.objectContaining({ code: 'time.order', params: { later: 'endedAt', earlier: 'startedAt' } }),
    );
  });

  it('refuses awareness before detection', () => {
    expect(() =>
      checkBreachTimes(times({ detectedAt: at('2026-11-19T09:00'), awareAt: at('2026-11-19T08:00') }), now),
    ).toThrowError(expect.objectContaining({ params: { later: 'awareAt', earlier: 'detectedAt' } }));
  });

  it('refuses a time in the future', () => {
    expect(() => checkBreachTimes(times({ awareAt: at('2026-11-23T12:00') }), now)).toThrowError(
      expect.objectContaining({ code: 'time.in-future', params: { field: 'awareAt' } }),
    );
  });
});
