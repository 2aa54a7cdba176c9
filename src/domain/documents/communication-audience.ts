/**
 * Whom a communication speaks to: one person (a personalised letter, art. 34(1) RODO) or the public (art.
 * 34(3)(c)). Polish addresses a person as "Pani" or "Pan" and declines it; the public is "Państwo". When the list
 * of people gives no form of address, it is inferred from the first name (Polish female first names end in "-a",
 * with a few male exceptions); when even that is unsure, both forms are written ("Pani/Pan").
 */
import type { Lang } from '../language.ts';

export type AddressForm = 'female' | 'male' | 'neutral' | 'public';

/** A person to write to, from the uploaded list (CSV/XLSX). */
export type Recipient = {
  firstName: string;
  lastName: string;
  /** Postal address lines, e.g. ["ul. Lipowa 5 m. 2", "15-001 Białystok"]. */
  addressLines: string[];
  form: 'female' | 'male' | 'neutral';
};

type Forms = { nom: string; gen: string; dat: string; acc: string; can: string; have: string };

const polishForms: Record<AddressForm, Forms> = {
  female: { nom: 'Pani', gen: 'Pani', dat: 'Pani', acc: 'Panią', can: 'może Pani', have: 'ma Pani' },
  male: { nom: 'Pan', gen: 'Pana', dat: 'Panu', acc: 'Pana', can: 'może Pan', have: 'ma Pan' },
  neutral: {
    nom: 'Pani/Pan',
    gen: 'Pani/Pana',
    dat: 'Pani/Panu',
    acc: 'Panią/Pana',
    can: 'może Pani/Pan',
    have: 'ma Pani/Pan',
  },
  public: {
    nom: 'Państwo',
    gen: 'Państwa',
    dat: 'Państwu',
    acc: 'Państwa',
    can: 'mogą Państwo',
    have: 'mają Państwo',
  },
};
const englishForms: Forms = {
  nom: 'you',
  gen: 'your',
  dat: 'you',
  acc: 'you',
  can: 'you can',
  have: 'you have',
};

export function addressForms(form: AddressForm, lang: Lang): Forms {
  return lang === 'pl' ? polishForms[form] : englishForms;
}

/** Male first names ending in "-a" (the exceptions to the Polish rule). */
const maleNamesEndingInA = new Set([
  'kuba',
  'barnaba',
  'bonawentura',
  'kosma',
  'jarema',
  'dyzma',
  'sasza',
  'nikita',
  'zawisza',
  'luca',
  'andrea',
  'mustafa',
]);

/** The form of address from a column value ("K", "kobieta", "Pani", "F"…), or from the first name. */
export function inferAddressForm(firstName: string, given?: string | null): 'female' | 'male' | 'neutral' {
  const hint = (given ?? '').trim().toLowerCase();
  if (/^(k|f|kobieta|female|woman|pani|ms|mrs)\.?$/.test(hint)) return 'female';
  if (/^(m|mężczyzna|mezczyzna|male|man|pan|mr)\.?$/.test(hint)) return 'male';
  const name = firstName.trim().toLowerCase().split(/\s+/)[0] ?? '';
  if (name === '') return 'neutral';
  if (name.endsWith('a')) return maleNamesEndingInA.has(name) ? 'male' : 'female';
  return /^[a-ząćęłńóśźż-]+$/.test(name) ? 'male' : 'neutral';
}

/**
 * The greeting. Polish greets in the vocative and without the name: "Szanowna Pani," / "Szanowny Panie," (the
 * person is named in the address block; "Szanowny Pan Jan Nowak," is the nominative, a mistake in a letter). English
 * greets by name.
 */
export function salutation(recipient: Recipient | null, lang: Lang): string {
  const name = recipient ? `${recipient.firstName} ${recipient.lastName}`.trim() : '';
  if (lang === 'en') return name ? `Dear ${name},` : 'Dear Sir or Madam,';
  if (!recipient) return 'Szanowni Państwo,';
  if (recipient.form === 'female') return 'Szanowna Pani,';
  if (recipient.form === 'male') return 'Szanowny Panie,';
  return 'Szanowna Pani / Szanowny Panie,';
}

/** The address block: "Pani Anna Kowalska", then the postal lines. */
export function addressBlock(recipient: Recipient, lang: Lang): string[] {
  const name = `${recipient.firstName} ${recipient.lastName}`.trim();
  const title = lang === 'pl' ? { female: 'Pani ', male: 'Pan ', neutral: '' }[recipient.form] : '';
  return [`${title}${name}`, ...recipient.addressLines];
}
