import type { AssessCategory } from '../domain/assess-categories.ts';
import type { DataCategory } from '../domain/data-categories.ts';

/** What a column holds, when its header says so; it steers how numbers in it are read. */
export type ColumnKind =
  | 'pesel'
  | 'nip'
  | 'regon'
  | 'idCard'
  | 'passport'
  | 'phone'
  | 'email'
  | 'iban'
  | 'card'
  | 'diagnosis'
  | 'other';

export type HeaderRule = {
  pattern: RegExp;
  column: ColumnKind;
  categories: readonly AssessCategory[];
  /** The categories of UODO's form (section 6) such a column holds, where the header alone says which. */
  form?: readonly DataCategory[];
};

/**
 * Column headers of Polish and English exports, matched on the header folded to lower case without diacritics.
 * The first matching rule wins, so specific words come before general ones. The categories are the words of the
 * assess contract (../shared/contracts/assess.md): a column of surnames is identification data even when no
 * identifier validates in it (art. 4(1) RODO: a name identifies a natural person). Columns of identifiers name no
 * form category: the identifiers that validate in them do.
 */
export const headerRules: readonly HeaderRule[] = [
  { pattern: /pesel/, column: 'pesel', categories: ['national-id', 'identification'] },
  { pattern: /\bnip\b|nip_|_nip|vat ?id/, column: 'nip', categories: ['national-id'] },
  { pattern: /regon/, column: 'regon', categories: ['identification'] },
  { pattern: /paszport|passport/, column: 'passport', categories: ['national-id', 'identification'] },
  {
    pattern: /dowod|seria.*numer|id.?card|nr.?do\b/,
    column: 'idCard',
    categories: ['national-id', 'identification'],
  },
  { pattern: /e-?mail|poczt[ay] elektr/, column: 'email', categories: ['contact'] },
  { pattern: /telefon|\btel\b|tel\.|phone|komork|\bgsm\b|mobile/, column: 'phone', categories: ['contact'] },
  { pattern: /iban|\bnrb\b|rachun|konto|account/, column: 'iban', categories: ['financial'] },
  { pattern: /karta platnicza|numer karty|card.?number|\bpan\b/, column: 'card', categories: ['financial'] },
  // Art. 9(1) RODO: data concerning health; ICD-10 codes are diagnoses (WHO ICD-10, used by NFZ).
  {
    pattern: /icd|diagnoz|rozpoznan|jednostka chorob/,
    column: 'diagnosis',
    categories: ['health'],
    form: ['health'],
  },
  {
    pattern: /chorob|leczen|niepelnospraw|orzeczen|stan zdrow|zdrowi|health|lekarz|szczepien/,
    column: 'other',
    categories: ['health'],
    form: ['health'],
  },
  // Art. 9(1) RODO: the other special categories, each its own in the form.
  { pattern: /wyznani|religi/, column: 'other', categories: ['special'], form: ['religious-beliefs'] },
  { pattern: /etniczn|rasa|rasow/, column: 'other', categories: ['special'], form: ['racial-ethnic-origin'] },
  { pattern: /zwiazk.*zawod/, column: 'other', categories: ['special'], form: ['trade-union'] },
  { pattern: /orientacj|seksual/, column: 'other', categories: ['special'], form: ['sex-life'] },
  { pattern: /polityczn/, column: 'other', categories: ['special'], form: ['political-opinions'] },
  { pattern: /biometr/, column: 'other', categories: ['special'], form: ['biometric'] },
  { pattern: /genetyczn/, column: 'other', categories: ['special'], form: ['genetic'] },
  // Art. 10 RODO: criminal convictions and offences.
  { pattern: /karaln|wyrok|skazan|krk/, column: 'other', categories: ['criminal'], form: ['convictions'] },
  { pattern: /przestepst/, column: 'other', categories: ['criminal'], form: ['offences'] },
  {
    pattern: /haslo|password|login|\bpin\b/,
    column: 'other',
    categories: ['credentials'],
    form: ['credentials'],
  },
  {
    pattern: /wynagrodz|pensj|zarobk|dochod|salary/,
    column: 'other',
    categories: ['financial'],
    form: ['earnings-assets'],
  },
  {
    pattern: /zadluzen|\bdlug|zaleglosc|swiadczeni/,
    column: 'other',
    categories: ['financial'],
    form: ['benefits-debts'],
  },
  {
    pattern: /lokalizac|gps|wspolrzedn|latitude|longitude/,
    column: 'other',
    categories: ['location'],
    form: ['location'],
  },
  {
    pattern: /adres|ulica|\bul\b|miejscowosc|miasto|kod.?poczt|address|street|city|zip|postal/,
    column: 'other',
    categories: ['contact'],
    form: ['address'],
  },
  {
    pattern: /(imie|imiona).*(rodzic|ojca|matki)|parents/,
    column: 'other',
    categories: ['identification'],
    form: ['parents-names'],
  },
  {
    pattern: /nazwisko rodowe|maiden/,
    column: 'other',
    categories: ['identification'],
    form: ['mothers-maiden-name'],
  },
  {
    pattern: /imie|imiona|nazwisk|\bname\b|first.?name|last.?name|surname/,
    column: 'other',
    categories: ['identification'],
    form: ['names'],
  },
  { pattern: /data.?urodz|birth/, column: 'other', categories: ['identification'], form: ['birth-date'] },
  { pattern: /plec/, column: 'other', categories: ['identification'] },
];
