/**
 * The words every document shares (footer, yes/no, "not given"), and the helpers that turn a breach's values into
 * them. One place, so all six documents speak alike. The authority is always "Prezes UODO" / "UODO", never the
 * pre-2018 name.
 */
import type { BreachCase } from '../breach-case.ts';
import { interpolate, type Lang, type Localized } from '../language.ts';
import type { RiskLevel } from '../risk-rules.ts';
import { formatWarsawDate, formatWarsawDateTime } from '../warsaw-time.ts';
import type { Block, DocumentKind, DocumentModel, DocumentOptions } from './document-model.ts';

export const commonTexts = {
  footer: {
    pl: 'Data dokumentu: {date} · wersja {version}',
    en: 'Document date: {date} · version {version}',
  },
  pageLabel: { pl: 'strona {page} z {pages}', en: 'page {page} of {pages}' },
  yes: { pl: 'Tak', en: 'Yes' },
  no: { pl: 'Nie', en: 'No' },
  unknown: { pl: 'nieznane', en: 'unknown' },
  notGiven: { pl: 'nie podano', en: 'not given' },
  none: { pl: 'brak', en: 'none' },
  notApplicable: { pl: 'nie dotyczy', en: 'not applicable' },
  reference: { pl: 'Sygnatura sprawy', en: 'Case reference' },
} as const satisfies Record<string, Localized>;

export const riskLevelLabels: Record<RiskLevel, Localized> = {
  unlikely: {
    pl: 'naruszenie nie skutkuje prawdopodobnie ryzykiem naruszenia praw lub wolności osób fizycznych',
    en: 'unlikely to result in a risk to the rights and freedoms of natural persons',
  },
  risk: {
    pl: 'ryzyko naruszenia praw lub wolności osób fizycznych',
    en: 'risk to the rights and freedoms of natural persons',
  },
  high: {
    pl: 'wysokie ryzyko naruszenia praw lub wolności osób fizycznych',
    en: 'high risk to the rights and freedoms of natural persons',
  },
};

export const t = (text: Localized, lang: Lang, params?: Record<string, string | number>): string =>
  params ? interpolate(text[lang], params) : text[lang];

export const yesNo = (value: boolean, lang: Lang): string => (value ? commonTexts.yes : commonTexts.no)[lang];

const parse = (instant: string | null | undefined): Date | null => (instant ? new Date(instant) : null);

/** `09.10.2019 14:30` in Warsaw time, or "nie podano". */
export function dateTimeText(instant: string | null | undefined, lang: Lang): string {
  const value = parse(instant);
  return value ? formatWarsawDateTime(value, lang) : commonTexts.notGiven[lang];
}

export function dateText(instant: string | null | undefined, lang: Lang): string {
  const value = parse(instant);
  return value ? formatWarsawDate(value, lang) : commonTexts.notGiven[lang];
}

/** A calendar date `YYYY-MM-DD` written the Polish way (`12.10.2019`) or the British way. */
export function calendarDateText(day: string | null | undefined, lang: Lang): string {
  if (!day) return commonTexts.notGiven[lang];
  const [year, month, dayOfMonth] = day.split('-');
  return lang === 'pl' ? `${dayOfMonth}.${month}.${year}` : `${dayOfMonth}/${month}/${year}`;
}

/** Free text or "nie podano": a document never leaves a required answer silently blank. */
export const orNotGiven = (value: string | null | undefined, lang: Lang): string =>
  value && value.trim() !== '' ? value.trim() : commonTexts.notGiven[lang];

export const listOrNone = (items: readonly string[], lang: Lang): string =>
  items.length > 0 ? items.join('; ') : commonTexts.none[lang];

/** "ok. 1200–1500" when the case gives a text, else the number, else "nieznana". */
export function approxText(value: number | null, valueText: string | null, lang: Lang): string {
  if (valueText && valueText.trim() !== '') return valueText.trim();
  if (value !== null) return value.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB');
  return commonTexts.unknown[lang];
}

/** A document with the organisation header and the footer of date and version filled in. */
export function documentShell(input: {
  kind: DocumentKind;
  breach: BreachCase;
  title: string;
  options: DocumentOptions;
  orientation?: 'portrait' | 'landscape';
  blocks: Block[];
}): DocumentModel {
  const { lang, generatedAt, version } = input.options;
  return {
    kind: input.kind,
    lang,
    title: input.title,
    organisation: input.breach.organisation.name,
    reference: input.breach.reference,
    documentDate: generatedAt,
    version,
    orientation: input.orientation ?? 'portrait',
    footer: t(commonTexts.footer, lang, { date: formatWarsawDate(generatedAt, lang), version }),
    pageLabel: commonTexts.pageLabel[lang],
    blocks: input.blocks,
  };
}

/** The DPO's name and contacts, or the contact point when no DPO was appointed (art. 33(3)(b), 34(2)). */
export function dpoContactText(breach: BreachCase, lang: Lang): string {
  const { dpo, contactPoint } = breach.organisation;
  if (dpo) {
    const parts = [dpo.name];
    if (dpo.phone) parts.push(`${lang === 'pl' ? 'tel.' : 'phone'} ${dpo.phone}`);
    if (dpo.email) parts.push(`e-mail: ${dpo.email}`);
    return parts.join(', ');
  }
  return orNotGiven(contactPoint, lang);
}

/** The controller's seat in one line: "ul. Bema 89D, 15-370 Białystok". */
export function addressLine(breach: BreachCase): string {
  const a = breach.organisation.address;
  const street = [a.street, a.building].filter(Boolean).join(' ') + (a.unit ? `/${a.unit}` : '');
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [street, city].filter((part) => part.trim() !== '').join(', ');
}

const longDateFormatters: Record<Lang, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', {
    timeZone: 'Europe/Warsaw',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};

/** "9 października 2019 r." / "9 October 2019": how letters write a date. */
export function longDateText(instant: Date, lang: Lang): string {
  const formatted = longDateFormatters[lang].format(instant);
  return lang === 'pl' ? `${formatted} r.` : formatted;
}
