/**
 * The public communication (art. 34(3)(c) RODO): when letters to each person would involve disproportionate
 * effort, a public notice informs them in an equally effective manner. Same plain-language body as the letters,
 * addressed to "Państwo" (seed 000 is such a notice).
 */
import type { BreachCase } from '../breach-case.ts';
import type { Localized } from '../language.ts';
import { communicationBlocks } from './communication-content.ts';
import type { DocumentModel, DocumentOptions } from './document-model.ts';
import { documentShell, longDateText, t } from './document-texts.ts';

const texts = {
  title: {
    pl: 'Komunikat o naruszeniu ochrony danych osobowych',
    en: 'Public notice of a personal data breach',
  },
  basis: {
    pl: 'na podstawie art. 34 ust. 3 lit. c RODO · sygnatura sprawy: {reference}',
    en: 'under GDPR art. 34(3)(c) · case reference: {reference}',
  },
  published: { pl: '{city}{date}', en: '{city}{date}' },
} as const satisfies Record<string, Localized>;

export function buildPublicCommunication(breach: BreachCase, options: DocumentOptions): DocumentModel {
  const { lang, generatedAt } = options;
  const city = breach.organisation.address.city;
  return documentShell({
    kind: 'public-communication',
    breach,
    title: t(texts.title, lang),
    options,
    blocks: [
      { kind: 'heading', level: 1, text: t(texts.title, lang) },
      { kind: 'paragraph', text: t(texts.basis, lang, { reference: breach.reference }), tone: 'muted' },
      ...communicationBlocks(breach, { lang, form: 'public' }),
      {
        kind: 'paragraph',
        text: `${t(texts.published, lang, { city: city ? `${city}, ` : '', date: longDateText(generatedAt, lang) })}\n${breach.organisation.name}`,
        align: 'right',
      },
    ],
  });
}
