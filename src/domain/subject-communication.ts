import type { Localized } from './language.ts';

/**
 * Whether and how the people were told (art. 34 RODO; UODO's form section 10, in its words).
 */
export const communicationDecisionDefinitions = [
  { id: 'told', label: { pl: 'Tak', en: 'Yes' } },
  { id: 'will-tell', label: { pl: 'Nie, ale zostaną zawiadomione', en: 'No, but they will be' } },
  {
    id: 'not-required-protected',
    label: {
      pl: 'Nie, nie zostaną zawiadomione, ponieważ środki zastosowane przed naruszeniem (pkt 9A) uniemożliwiły odczyt danych, np. szyfrowanie (art. 34 ust. 3 lit. a RODO)',
      en: 'No, because measures before the breach (9A) made the data unintelligible, e.g. encryption (GDPR art. 34(3)(a))',
    },
  },
  {
    id: 'not-required-measures-after',
    label: {
      pl: 'Nie, nie zostaną zawiadomione, ponieważ środki zastosowane po naruszeniu (pkt 9C) wyeliminowały prawdopodobieństwo wysokiego ryzyka (art. 34 ust. 3 lit. b RODO)',
      en: 'No, because measures after the breach (9C) removed the likelihood of high risk (GDPR art. 34(3)(b))',
    },
  },
  {
    id: 'not-required-no-high-risk',
    label: {
      pl: 'Nie, nie zostaną zawiadomione, ponieważ nie stwierdzono wysokiego ryzyka (uzasadnienie w pkt 8B)',
      en: 'No, because no high risk was found (reasons in 8B)',
    },
  },
  { id: 'not-assessed-yet', label: { pl: 'Jeszcze nie oceniono', en: 'Not yet assessed' } },
] as const satisfies readonly { id: string; label: Localized }[];

export type CommunicationDecision = (typeof communicationDecisionDefinitions)[number]['id'];
export const communicationDecisions = communicationDecisionDefinitions.map(
  (d) => d.id,
) as readonly CommunicationDecision[];

export const communicationChannelDefinitions = [
  { id: 'letter', label: { pl: 'List', en: 'Letter' } },
  { id: 'email', label: { pl: 'E-mail', en: 'E-mail' } },
  { id: 'sms', label: { pl: 'SMS', en: 'Text message' } },
  { id: 'phone', label: { pl: 'Telefon', en: 'Phone' } },
  { id: 'in-person', label: { pl: 'Osobiście', en: 'In person' } },
  { id: 'website', label: { pl: 'Strona internetowa', en: 'Website' } },
  { id: 'press', label: { pl: 'Prasa lub media', en: 'Press or media' } },
  { id: 'other', label: { pl: 'Inny', en: 'Other' } },
] as const satisfies readonly { id: string; label: Localized }[];

export type CommunicationChannel = (typeof communicationChannelDefinitions)[number]['id'];
export const communicationChannels = communicationChannelDefinitions.map(
  (d) => d.id,
) as readonly CommunicationChannel[];
