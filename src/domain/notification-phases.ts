import type { Localized } from './language.ts';

/**
 * The phases of a notification to UODO (GDPR art. 33(4); UODO form section 1), in a module of their own: the
 * command line reads them without the rules of supervisory-notification.ts and their clock.
 */
export const notificationPhaseDefinitions = [
  { id: 'initial', label: { pl: 'Zgłoszenie wstępne', en: 'Initial notification' } },
  {
    id: 'supplementary',
    label: { pl: 'Zgłoszenie uzupełniające/zmieniające', en: 'Supplementary/amending notification' },
  },
  { id: 'complete', label: { pl: 'Zgłoszenie kompletne/jednorazowe', en: 'Complete/one-off notification' } },
] as const satisfies readonly { id: string; label: Localized }[];
export type NotificationPhase = (typeof notificationPhaseDefinitions)[number]['id'];
export const notificationPhases = notificationPhaseDefinitions.map(
  (d) => d.id,
) as readonly NotificationPhase[];
