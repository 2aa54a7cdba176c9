/**
 * The body of a communication about a breach, shared by the personalised letter (art. 34(1)–(2) RODO) and the
 * public communication (art. 34(3)(c)): in clear and plain language, what happened, what data, the likely
 * consequences, what the controller did, what the person can do and the DPO's contact — the order and headings
 * of a good Polish notice (seed 000). The words per category of data are in communication-texts.ts.
 */
import type { BreachCase } from '../breach-case.ts';
import type { DataCategory } from '../data-categories.ts';
import { interpolate, type Lang, type Localized } from '../language.ts';
import { type AddressForm, addressForms } from './communication-audience.ts';
import {
  categoryTexts,
  generalAdvice,
  generalConsequence,
  plainDataLabels,
  reputationConsequence,
} from './communication-texts.ts';
import type { Block } from './document-model.ts';
import { addressLine, dpoContactText, longDateText } from './document-texts.ts';

const texts = {
  whatHappened: { pl: 'Co się stało?', en: 'What happened?' },
  whatData: { pl: 'Jakich danych dotyczy naruszenie?', en: 'What data are concerned?' },
  consequences: { pl: 'Jakie mogą być skutki?', en: 'What could the consequences be?' },
  whatWeDid: { pl: 'Co zrobiliśmy?', en: 'What have we done?' },
  whatYouCanDo: { pl: 'Co {can} zrobić?', en: 'What can you do?' },
  contact: { pl: 'Kontakt z inspektorem ochrony danych', en: 'Contact our data protection officer' },
  awarePerson: {
    pl: '{date} stwierdziliśmy naruszenie ochrony danych osobowych, które dotyczy także {gen} danych.',
    en: 'On {date} we found a personal data breach that also concerns {gen} data.',
  },
  awarePublic: {
    pl: '{org} informuje, że {date} stwierdzono naruszenie ochrony danych osobowych.',
    en: '{org} informs that on {date} a personal data breach was found.',
  },
  awareUnknown: {
    pl: 'Stwierdziliśmy naruszenie ochrony danych osobowych, które dotyczy także {gen} danych.',
    en: 'We found a personal data breach that also concerns {gen} data.',
  },
  dataIntro: { pl: 'Naruszenie objęło następujące dane:', en: 'The breach concerned these data:' },
  notAllData: {
    pl: 'Nie wszystkie z tych danych dotyczą każdej osoby — u części osób były to tylko niektóre z nich.',
    en: 'Not all of these data concern every person; for some people only some of them were involved.',
  },
  consequencesIntro: {
    pl: 'Osoba, która uzyskała te dane, mogłaby spróbować wykorzystać je bez {gen} wiedzy, m.in. do:',
    en: 'Whoever obtained these data could try to use them without {gen} knowledge, for example for:',
  },
  consequencesOutro: {
    pl: 'Nie musi to nastąpić, ale ryzyko jest realne — dlatego poniżej piszemy, co {can} zrobić.',
    en: 'This need not happen, but the risk is real; below we explain what you can do.',
  },
  uodoNotified: {
    pl: 'Naruszenie zgłosiliśmy Prezesowi Urzędu Ochrony Danych Osobowych (UODO) {date}.',
    en: 'We notified the President of the Personal Data Protection Office (UODO) on {date}.',
  },
  otherBodies: { pl: 'Sprawę zgłosiliśmy także: {names}.', en: 'We also reported it to: {names}.' },
  adviceIntro: { pl: 'Aby się chronić, {can}:', en: 'To protect yourself, you can:' },
  contactText: {
    pl: 'Jeżeli {have} pytania lub chcą Państwo przekazać nam dodatkowe informacje, prosimy o kontakt z naszym inspektorem ochrony danych: {dpo}.',
    en: 'If you have questions or want to tell us more, please contact our data protection officer: {dpo}.',
  },
  contactTextPerson: {
    pl: 'Jeżeli {have} pytania lub chce przekazać nam dodatkowe informacje, prosimy o kontakt z naszym inspektorem ochrony danych: {dpo}.',
    en: 'If you have questions or want to tell us more, please contact our data protection officer: {dpo}.',
  },
  controller: { pl: 'Administrator danych: {org}{address}.', en: 'Data controller: {org}{address}.' },
} as const satisfies Record<string, Localized>;

type Say = (text: Localized, params?: Record<string, string | number>) => string;

function speaker(lang: Lang, form: AddressForm): Say {
  const forms = addressForms(form, lang);
  return (text, params = {}) => interpolate(text[lang], { ...forms, ...params });
}

/** A sentence starts with a capital even when it starts with "{can}" or a date. */
const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

function unique<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/** The list of data in plain words; "inne" is replaced by what the case says it was. */
export function plainDataList(breach: BreachCase, lang: Lang): string[] {
  return breach.dataCategories.map((category: DataCategory) => {
    if (category === 'other-basic' && breach.dataCategoriesOtherText) return breach.dataCategoriesOtherText;
    if (category === 'other-criminal' && breach.criminalOtherText) return breach.criminalOtherText;
    return plainDataLabels[category][lang];
  });
}

export function consequenceList(breach: BreachCase, lang: Lang, form: AddressForm): string[] {
  const say = speaker(lang, form);
  const found = unique(breach.dataCategories.flatMap((category) => categoryTexts[category].consequences));
  const onlyContact = breach.dataCategories.every((c) => ['names', 'address', 'email', 'phone'].includes(c));
  const items = found.length > 0 ? found : [generalConsequence];
  if (!onlyContact) items.push(reputationConsequence);
  const lines = items.map((item) => say(item.text));
  // The last point of a list ends with a full stop, the others with a comma (as in seed 000).
  const last = lines.length - 1;
  if (last >= 0) lines[last] = lines[last]!.replace(/,$/, '.');
  return lines;
}

export function adviceList(breach: BreachCase, lang: Lang, form: AddressForm): string[] {
  const say = speaker(lang, form);
  const chosen = unique(breach.dataCategories.flatMap((category) => categoryTexts[category].advice));
  return [...chosen, ...generalAdvice].map((item) => say(item.text));
}

/** The blocks of the communication, headed as in a good Polish notice (seed 000). */
export function communicationBlocks(breach: BreachCase, input: { lang: Lang; form: AddressForm }): Block[] {
  const { lang, form } = input;
  const say = speaker(lang, form);
  const awareAt = breach.times.awareAt ? new Date(breach.times.awareAt) : null;
  const blocks: Block[] = [];
  const heading = (text: string): void => {
    blocks.push({ kind: 'heading', level: 2, text });
  };
  const paragraph = (value: string | null | undefined): void => {
    if (value && value.trim() !== '') blocks.push({ kind: 'paragraph', text: value.trim() });
  };

  heading(say(texts.whatHappened));
  if (form === 'public') {
    paragraph(
      say(texts.awarePublic, {
        org: breach.organisation.name,
        date: awareAt ? longDateText(awareAt, lang) : '',
      }),
    );
  } else if (awareAt) {
    paragraph(capitalise(say(texts.awarePerson, { date: longDateText(awareAt, lang) })));
  } else paragraph(say(texts.awareUnknown));
  paragraph(breach.description);

  heading(say(texts.whatData));
  paragraph(say(texts.dataIntro));
  blocks.push({ kind: 'bullets', items: plainDataList(breach, lang) });
  if (breach.subjectsApprox !== 1 && breach.dataCategories.length > 2) paragraph(say(texts.notAllData));

  heading(say(texts.consequences));
  paragraph(say(texts.consequencesIntro));
  blocks.push({ kind: 'bullets', items: consequenceList(breach, lang, form) });
  paragraph(say(texts.consequencesOutro));

  heading(say(texts.whatWeDid));
  paragraph(breach.actionsTaken);
  paragraph(breach.measuresMitigate);
  const firstNotification = [...breach.notifications].sort((a, b) => a.sentAt.localeCompare(b.sentAt))[0];
  const done: string[] = [];
  if (firstNotification) {
    done.push(say(texts.uodoNotified, { date: longDateText(new Date(firstNotification.sentAt), lang) }));
  }
  if (breach.otherAuthorities) done.push(say(texts.otherBodies, { names: breach.otherAuthorities.names }));
  // A date ending in "r." must not get a second full stop.
  paragraph(done.join(' ').replaceAll('r..', 'r.'));
  paragraph(breach.measuresPrevent);

  heading(capitalise(say(texts.whatYouCanDo)));
  paragraph(capitalise(say(texts.adviceIntro)));
  blocks.push({ kind: 'bullets', items: adviceList(breach, lang, form) });

  heading(say(texts.contact));
  const address = addressLine(breach);
  paragraph(
    [
      say(form === 'public' ? texts.contactText : texts.contactTextPerson, {
        dpo: dpoContactText(breach, lang),
      }),
      say(texts.controller, { org: breach.organisation.name, address: address ? `, ${address}` : '' }),
    ].join(' '),
  );
  return blocks;
}

/** What a communication to people lacks of what art. 34(2) RODO asks it to say (see communicationGaps). */
export type CommunicationGap = 'description' | 'dataCategories' | 'measures' | 'dpoContact';

const blank = (value: string | null | undefined) => (value ?? '').trim() === '';

/**
 * What the breach does not yet give the communication to people (art. 34(2) RODO, by art. 33(3)(b)–(d)): the
 * nature of the breach (its description), the data concerned (the likely consequences follow from them), the
 * measures taken or proposed, and the contact of the DPO, or of another contact point when there is no DPO (a DPO's
 * name alone is no contact). A letter made without them says "nie podano" or leaves its section empty: the app warns
 * before it is made or sent.
 */
export function communicationGaps(breach: BreachCase): CommunicationGap[] {
  const gaps: CommunicationGap[] = [];
  if (blank(breach.description)) gaps.push('description');
  if (breach.dataCategories.length === 0) gaps.push('dataCategories');
  if (blank(breach.actionsTaken) && blank(breach.measuresMitigate) && blank(breach.measuresPrevent)) {
    gaps.push('measures');
  }
  // As the letter gives it (dpoContactText): the DPO when there is one, else the other contact point.
  const { dpo, contactPoint } = breach.organisation;
  if (dpo ? blank(dpo.phone) && blank(dpo.email) : blank(contactPoint)) gaps.push('dpoContact');
  return gaps;
}
