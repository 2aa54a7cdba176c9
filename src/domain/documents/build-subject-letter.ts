/**
 * The personalised communication to a data subject (art. 34(1)–(2) RODO): a letter with the person's name and
 * address, the salutation, and the plain-language body shared with the public communication. Without a person it
 * is the template of the letter, with placeholders to fill ("[imię]", "[adres]"). One letter per page.
 */
import type { BreachCase } from '../breach-case.ts';
import type { Localized } from '../language.ts';
import { addressBlock, type Recipient, salutation } from './communication-audience.ts';
import { communicationBlocks } from './communication-content.ts';
import type { DocumentModel, DocumentOptions } from './document-model.ts';
import { documentShell, longDateText, t } from './document-texts.ts';

const texts = {
  title: {
    pl: 'Zawiadomienie o naruszeniu ochrony danych osobowych',
    en: 'Communication of a personal data breach',
  },
  basis: {
    pl: 'na podstawie art. 34 RODO · sygnatura sprawy: {reference}',
    en: 'under GDPR art. 34 · case reference: {reference}',
  },
  closing: { pl: 'Z poważaniem', en: 'Yours faithfully' },
} as const satisfies Record<string, Localized>;

/** The recipient of the template letter: placeholders a mail merge or a person fills in. */
export const templateRecipient: Recipient = {
  firstName: '[imię]',
  lastName: '[nazwisko]',
  addressLines: ['[ulica i numer]', '[kod pocztowy i miejscowość]'],
  form: 'neutral',
};

export function buildSubjectLetter(
  breach: BreachCase,
  options: DocumentOptions & { recipient: Recipient | null },
): DocumentModel {
  const { lang, generatedAt } = options;
  const recipient = options.recipient ?? templateRecipient;
  const city = breach.organisation.address.city;
  const signer = breach.organisation.representatives[0];
  return documentShell({
    kind: 'subject-letter',
    breach,
    title: t(texts.title, lang),
    options,
    blocks: [
      {
        kind: 'paragraph',
        text: `${city ? `${city}, ` : ''}${longDateText(generatedAt, lang)}`,
        align: 'right',
      },
      { kind: 'address', lines: addressBlock(recipient, lang) },
      { kind: 'heading', level: 1, text: t(texts.title, lang) },
      { kind: 'paragraph', text: t(texts.basis, lang, { reference: breach.reference }), tone: 'muted' },
      { kind: 'paragraph', text: salutation(recipient, lang) },
      ...communicationBlocks(breach, { lang, form: recipient.form }),
      {
        kind: 'paragraph',
        text: [
          t(texts.closing, lang),
          ...(signer ? [signer.name, signer.position] : []),
          breach.organisation.name,
        ].join('\n'),
        align: 'right',
      },
    ],
  });
}

/** One letter per person of the list, in list order. */
export function buildSubjectLetters(
  breach: BreachCase,
  recipients: readonly Recipient[],
  options: DocumentOptions,
): DocumentModel[] {
  return recipients.map((recipient) => buildSubjectLetter(breach, { ...options, recipient }));
}
