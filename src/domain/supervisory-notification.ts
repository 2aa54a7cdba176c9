/**
 * Notifications to UODO, possibly in phases (GDPR art. 33(4); UODO form section 1: complete, initial,
 * supplementary/amending). Rules checked before a notification is recorded:
 * - the first notification is initial or complete; a supplementary one follows an earlier one and names UODO's
 *   case reference ("Podaj sygnaturę sprawy UODO");
 * - it is sent no earlier than the breach was confirmed;
 * - the first notification, when later than 72 hours after becoming aware, states the reasons for the delay
 *   (art. 33(1); form 3A "Powody opóźnienia").
 */
import { DomainError } from './errors.ts';
import type { Localized } from './language.ts';
import { isLateNotification } from './notification-deadline.ts';

import type { NotificationPhase } from './notification-phases.ts';

export {
  type NotificationPhase,
  notificationPhaseDefinitions,
  notificationPhases,
} from './notification-phases.ts';

export const notificationChannelDefinitions = [
  { id: 'biznes-gov-pl', label: { pl: 'Formularz na biznes.gov.pl', en: 'Form on biznes.gov.pl' } },
  { id: 'epuap', label: { pl: 'ePUAP (skrytka /UODO/SkrytkaESP)', en: 'ePUAP (box /UODO/SkrytkaESP)' } },
  { id: 'post', label: { pl: 'Poczta tradycyjna', en: 'Post' } },
  { id: 'other', label: { pl: 'Inny sposób', en: 'Other' } },
] as const satisfies readonly { id: string; label: Localized }[];
export type NotificationChannel = (typeof notificationChannelDefinitions)[number]['id'];
export const notificationChannels = notificationChannelDefinitions.map(
  (d) => d.id,
) as readonly NotificationChannel[];

export type SupervisoryNotification = {
  phase: NotificationPhase;
  sentAt: Date;
  channel: NotificationChannel;
  /** UODO's case reference (sygnatura sprawy), known after the first filing. */
  uodoCaseReference: string | null;
  /** Reasons for the delay; required on a first notification sent after 72 hours. */
  lateReason: string | null;
};

export const minimumLateReasonLength = 20;

const isBlank = (text: string | null | undefined) =>
  text === null || text === undefined || text.trim() === '';

/** Throws the catalogue error that a new notification breaks, if any. */
export function checkNotification(input: {
  awareAt: Date;
  previous: readonly SupervisoryNotification[];
  next: SupervisoryNotification;
}): void {
  const { awareAt, previous, next } = input;
  // Times are typed to the minute (as UODO's form asks for them): compare whole minutes.
  const minute = (instant: Date) => Math.floor(instant.getTime() / 60_000);
  if (minute(next.sentAt) < minute(awareAt)) {
    throw new DomainError('time.order', { later: 'sentAt', earlier: 'awareAt' });
  }
  if (next.phase === 'supplementary') {
    if (previous.length === 0) throw new DomainError('notification.phase-order');
    if (isBlank(next.uodoCaseReference)) throw new DomainError('notification.case-reference-required');
  }
  const first = previous.length === 0;
  // "x" is not a reason: UODO reads this text as the explanation the law requires (art. 33(1), form 3A).
  const tooShort = (next.lateReason ?? '').trim().length < minimumLateReasonLength;
  if (first && isLateNotification(awareAt, next.sentAt) && tooShort) {
    throw new DomainError('notification.late-reason-required');
  }
}
