/**
 * The times of a breach, kept apart (../shared/DOMAIN.md "Times to keep apart"; UODO form section 3): when it
 * started and ended, when it was detected, reported internally, when a processor told the controller (art. 33(2)),
 * when the controller became aware (starts the 72 hours), and when the people were told. Notifications to UODO
 * carry their own `sentAt` per phase (supervisory-notification.ts).
 */
import { DomainError } from './errors.ts';
import type { Localized } from './language.ts';

export type BreachTimes = {
  startedAt: Date | null;
  endedAt: Date | null;
  detectedAt: Date | null;
  reportedAt: Date | null;
  processorNotifiedAt: Date | null;
  awareAt: Date | null;
  subjectsNotifiedAt: Date | null;
};

export type BreachTimeField = keyof BreachTimes;

export const breachTimeLabels: Record<BreachTimeField, Localized> = {
  startedAt: { pl: 'Data i czas zaistnienia/rozpoczęcia naruszenia', en: 'Breach started' },
  endedAt: { pl: 'Data i czas zakończenia naruszenia', en: 'Breach ended' },
  detectedAt: { pl: 'Wykrycie zdarzenia', en: 'Detected' },
  reportedAt: { pl: 'Zgłoszenie wewnętrzne', en: 'Reported internally' },
  processorNotifiedAt: {
    pl: 'Data powiadomienia przez podmiot przetwarzający',
    en: 'Processor informed the controller',
  },
  awareAt: { pl: 'Data stwierdzenia naruszenia', en: 'Became aware (breach confirmed)' },
  subjectsNotifiedAt: { pl: 'Zawiadomienie osób, których dane dotyczą', en: 'Data subjects informed' },
};

export const emptyBreachTimes: BreachTimes = {
  startedAt: null,
  endedAt: null,
  detectedAt: null,
  reportedAt: null,
  processorNotifiedAt: null,
  awareAt: null,
  subjectsNotifiedAt: null,
};

/** Pairs that must be in order (earlier, later) whenever both are known. */
const orderRules: readonly [BreachTimeField, BreachTimeField][] = [
  ['startedAt', 'endedAt'],
  ['startedAt', 'detectedAt'],
  ['detectedAt', 'reportedAt'],
  ['detectedAt', 'awareAt'],
  ['startedAt', 'awareAt'],
  ['awareAt', 'subjectsNotifiedAt'],
];

/** Times in the future by more than this are typing mistakes, not clock skew between machines. */
const futureToleranceMs = 5 * 60_000;

/** Throws `time.order` or `time.in-future` naming the fields at fault. */
export function checkBreachTimes(times: BreachTimes, now: Date): void {
  for (const field of Object.keys(times) as BreachTimeField[]) {
    const value = times[field];
    if (value && value.getTime() > now.getTime() + futureToleranceMs) {
      throw new DomainError('time.in-future', { field });
    }
  }
  for (const [earlier, later] of orderRules) {
    const a = times[earlier];
    const b = times[later];
    if (a && b && b.getTime() < a.getTime()) throw new DomainError('time.order', { later, earlier });
  }
}
