import { type AssessCategory, assessCategories } from './assess-categories.ts';
import type { Localized } from './language.ts';

/**
 * Categories of personal data as UODO's notification form lists them (section 6: 6A basic data, 6B special
 * categories of art. 9 RODO, 6C data of art. 10 RODO), labels in the form's own words, each mapped to the word of
 * the `assess` contract that the risk engine reasons with. Source: ../shared/UODO-FORM.md, section 6.
 */
export type DataCategoryDefinition = {
  readonly id: string;
  readonly section: '6A' | '6B' | '6C' | 'extra';
  readonly label: Localized;
  readonly assess: AssessCategory;
};

export const dataCategoryDefinitions = [
  // 6A Dane podstawowe
  {
    id: 'names',
    section: '6A',
    label: { pl: 'Nazwiska i imiona', en: 'Surnames and first names' },
    assess: 'identification',
  },
  {
    id: 'parents-names',
    section: '6A',
    label: { pl: 'Imiona rodziców', en: "Parents' first names" },
    assess: 'identification',
  },
  {
    id: 'birth-date',
    section: '6A',
    label: { pl: 'Data urodzenia', en: 'Date of birth' },
    assess: 'identification',
  },
  {
    id: 'bank-account',
    section: '6A',
    label: { pl: 'Numer rachunku bankowego', en: 'Bank account number' },
    assess: 'financial',
  },
  {
    id: 'address',
    section: '6A',
    label: { pl: 'Adres zamieszkania lub pobytu', en: 'Home or residence address' },
    assess: 'contact',
  },
  {
    id: 'pesel',
    section: '6A',
    label: { pl: 'Numer ewidencyjny PESEL', en: 'PESEL number' },
    assess: 'national-id',
  },
  { id: 'email', section: '6A', label: { pl: 'Adres e-mail', en: 'E-mail address' }, assess: 'contact' },
  {
    id: 'credentials',
    section: '6A',
    label: { pl: 'Nazwa użytkownika i/lub hasło', en: 'User name and/or password' },
    assess: 'credentials',
  },
  {
    id: 'earnings-assets',
    section: '6A',
    label: { pl: 'Dane dotyczące zarobków i/lub posiadanego majątku', en: 'Earnings and/or assets' },
    assess: 'financial',
  },
  {
    id: 'mothers-maiden-name',
    section: '6A',
    label: { pl: 'Nazwisko rodowe matki', en: "Mother's maiden name" },
    assess: 'identification',
  },
  {
    id: 'id-card',
    section: '6A',
    label: { pl: 'Seria i numer dowodu osobistego', en: 'ID card series and number' },
    assess: 'national-id',
  },
  { id: 'phone', section: '6A', label: { pl: 'Numer telefonu', en: 'Phone number' }, assess: 'contact' },
  {
    id: 'image',
    section: '6A',
    label: { pl: 'Wizerunek', en: 'Image (photograph)' },
    assess: 'identification',
  },
  { id: 'other-basic', section: '6A', label: { pl: 'Inne', en: 'Other' }, assess: 'other' },
  // Not named in 6A but common in Polish breaches; reported under 6A "Inne" with the label as the text.
  {
    id: 'passport',
    section: 'extra',
    label: { pl: 'Numer paszportu', en: 'Passport number' },
    assess: 'national-id',
  },
  {
    id: 'nip',
    section: 'extra',
    label: { pl: 'Numer NIP', en: 'Tax identification number (NIP)' },
    assess: 'national-id',
  },
  {
    id: 'payment-card',
    section: 'extra',
    label: { pl: 'Numer karty płatniczej', en: 'Payment card number' },
    assess: 'financial',
  },
  {
    id: 'benefits-debts',
    section: 'extra',
    label: {
      pl: 'Dane o świadczeniach, zadłużeniu lub alimentach',
      en: 'Benefits, debts or maintenance data',
    },
    assess: 'financial',
  },
  {
    id: 'location',
    section: 'extra',
    label: { pl: 'Dane o lokalizacji', en: 'Location data' },
    assess: 'location',
  },
  {
    id: 'behavioural',
    section: 'extra',
    label: {
      pl: 'Dane o zachowaniach, preferencjach lub treść korespondencji',
      en: 'Habits, preferences or content of communications',
    },
    assess: 'behavioural',
  },
  // 6B Dane szczególnej kategorii (art. 9 RODO)
  {
    id: 'racial-ethnic-origin',
    section: '6B',
    label: { pl: 'Dane o pochodzeniu rasowym lub etnicznym', en: 'Racial or ethnic origin' },
    assess: 'special',
  },
  {
    id: 'political-opinions',
    section: '6B',
    label: { pl: 'Dane o poglądach politycznych', en: 'Political opinions' },
    assess: 'special',
  },
  {
    id: 'religious-beliefs',
    section: '6B',
    label: {
      pl: 'Dane o przekonaniach religijnych lub światopoglądowych',
      en: 'Religious or philosophical beliefs',
    },
    assess: 'special',
  },
  {
    id: 'trade-union',
    section: '6B',
    label: { pl: 'Dane o przynależności do związków zawodowych', en: 'Trade union membership' },
    assess: 'special',
  },
  {
    id: 'sex-life',
    section: '6B',
    label: {
      pl: 'Dane dotyczące seksualności lub orientacji seksualnej',
      en: 'Sex life or sexual orientation',
    },
    assess: 'special',
  },
  {
    id: 'health',
    section: '6B',
    label: { pl: 'Dane dotyczące zdrowia', en: 'Health data' },
    assess: 'health',
  },
  { id: 'genetic', section: '6B', label: { pl: 'Dane genetyczne', en: 'Genetic data' }, assess: 'special' },
  {
    id: 'biometric',
    section: '6B',
    label: {
      pl: 'Dane biometryczne w celu jednoznacznego zidentyfikowania osoby fizycznej',
      en: 'Biometric data for uniquely identifying a natural person',
    },
    assess: 'special',
  },
  // 6C Dane, o których mowa w art. 10 RODO
  {
    id: 'convictions',
    section: '6C',
    label: { pl: 'Dane dotyczące wyroków skazujących', en: 'Criminal convictions' },
    assess: 'criminal',
  },
  {
    id: 'offences',
    section: '6C',
    label: { pl: 'Dane dotyczące czynów zabronionych', en: 'Offences' },
    assess: 'criminal',
  },
  { id: 'other-criminal', section: '6C', label: { pl: 'Inne', en: 'Other' }, assess: 'criminal' },
] as const satisfies readonly DataCategoryDefinition[];

export type DataCategory = (typeof dataCategoryDefinitions)[number]['id'];
export const dataCategories = dataCategoryDefinitions.map(
  (definition) => definition.id,
) as readonly DataCategory[];

const byId = new Map<string, DataCategoryDefinition>(dataCategoryDefinitions.map((d) => [d.id, d]));

export function dataCategoryDefinition(id: DataCategory): DataCategoryDefinition {
  return byId.get(id)!;
}

/** The `assess` contract's words for a set of UODO form categories, without repeats, in contract order. */
export function toAssessCategories(categories: readonly DataCategory[]): AssessCategory[] {
  const words = new Set(categories.map((id) => dataCategoryDefinition(id).assess));
  return assessCategories.filter((word) => words.has(word));
}
