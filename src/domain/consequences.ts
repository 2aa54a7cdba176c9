import type { Localized } from './language.ts';

/** Possible consequences for the people, UODO's form 8A in its own words (../shared/UODO-FORM.md). */
export const consequenceDefinitions = [
  {
    id: 'loss-of-control',
    label: {
      pl: 'Utrata kontroli nad własnymi danymi osobowymi',
      en: 'Loss of control over their personal data',
    },
  },
  {
    id: 'rights-15-22-limited',
    label: {
      pl: 'Ograniczenie możliwości realizowania praw z art. 15-22 RODO',
      en: 'Limited exercise of the rights of GDPR art. 15–22',
    },
  },
  {
    id: 'rights-limited',
    label: { pl: 'Ograniczenie możliwości realizowania praw', en: 'Limited exercise of rights' },
  },
  { id: 'discrimination', label: { pl: 'Dyskryminacja', en: 'Discrimination' } },
  {
    id: 'identity-theft',
    label: { pl: 'Kradzież lub sfałszowanie tożsamości', en: 'Identity theft or fraud' },
  },
  { id: 'financial-loss', label: { pl: 'Strata finansowa', en: 'Financial loss' } },
  { id: 'damage-to-reputation', label: { pl: 'Naruszenie dobrego imienia', en: 'Damage to reputation' } },
  {
    id: 'professional-secrecy',
    label: {
      pl: 'Utrata poufności danych osobowych chronionych tajemnicą zawodową',
      en: 'Loss of confidentiality of data protected by professional secrecy',
    },
  },
  {
    id: 'reversal-of-pseudonymisation',
    label: {
      pl: 'Nieuprawnione odwrócenie pseudonimizacji',
      en: 'Unauthorised reversal of pseudonymisation',
    },
  },
  { id: 'other', label: { pl: 'Inne', en: 'Other' } },
] as const satisfies readonly { id: string; label: Localized }[];

export type Consequence = (typeof consequenceDefinitions)[number]['id'];
export const consequences = consequenceDefinitions.map((d) => d.id) as readonly Consequence[];
