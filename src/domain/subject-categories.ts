import type { Localized } from './language.ts';

/**
 * Categories of data subjects: UODO's form section 7 in its own words, plus the groups Polish DPOs serve most
 * (social-assistance clients of seed 000). `vulnerable` marks the people the risk engine treats as vulnerable:
 * children, patients, people with special needs, clients of social assistance (EDPB Guidelines 9/2022 and
 * WP248 rev.01 on vulnerable data subjects; seed 002 lists "dzieci, pacjenci, klienci pomocy społecznej").
 * Employees are not marked: the power imbalance matters for consent, not by itself for breach risk; the DPO can
 * still answer "vulnerable" for a particular breach.
 */
export type SubjectCategoryDefinition = {
  readonly id: string;
  readonly uodoLabel: string | null;
  readonly label: Localized;
  readonly vulnerable: boolean;
};

export const subjectCategoryDefinitions = [
  {
    id: 'employees',
    uodoLabel: 'Pracownicy',
    label: { pl: 'Pracownicy', en: 'Employees' },
    vulnerable: false,
  },
  { id: 'users', uodoLabel: 'Użytkownicy', label: { pl: 'Użytkownicy', en: 'Users' }, vulnerable: false },
  {
    id: 'subscribers',
    uodoLabel: 'Subskrybenci',
    label: { pl: 'Subskrybenci', en: 'Subscribers' },
    vulnerable: false,
  },
  { id: 'students', uodoLabel: 'Studenci', label: { pl: 'Studenci', en: 'Students' }, vulnerable: false },
  { id: 'pupils', uodoLabel: 'Uczniowie', label: { pl: 'Uczniowie', en: 'Pupils' }, vulnerable: true },
  {
    id: 'uniformed-services',
    uodoLabel: 'Służby mundurowe (np. wojsko, policja)',
    label: { pl: 'Służby mundurowe (np. wojsko, policja)', en: 'Uniformed services (e.g. army, police)' },
    vulnerable: false,
  },
  {
    id: 'clients',
    uodoLabel: 'Klienci (obecni i potencjalni)',
    label: { pl: 'Klienci (obecni i potencjalni)', en: 'Clients (current and prospective)' },
    vulnerable: false,
  },
  {
    id: 'public-clients',
    uodoLabel: 'Klienci podmiotów publicznych',
    label: { pl: 'Klienci podmiotów publicznych', en: 'Clients of public bodies' },
    vulnerable: false,
  },
  { id: 'patients', uodoLabel: 'Pacjenci', label: { pl: 'Pacjenci', en: 'Patients' }, vulnerable: true },
  { id: 'children', uodoLabel: 'Dzieci', label: { pl: 'Dzieci', en: 'Children' }, vulnerable: true },
  {
    id: 'special-needs',
    uodoLabel: 'Osoby o szczególnych potrzebach (np. osoby starsze, niepełnosprawne itp.)',
    label: {
      pl: 'Osoby o szczególnych potrzebach (np. osoby starsze, niepełnosprawne)',
      en: 'People with special needs (e.g. elderly, disabled)',
    },
    vulnerable: true,
  },
  // Reported to UODO as "Klienci podmiotów publicznych" and described in the free text of section 7.
  {
    id: 'social-assistance-clients',
    uodoLabel: 'Klienci podmiotów publicznych',
    label: { pl: 'Klienci pomocy społecznej', en: 'Social-assistance clients' },
    vulnerable: true,
  },
  { id: 'other', uodoLabel: null, label: { pl: 'Inne osoby', en: 'Other people' }, vulnerable: false },
] as const satisfies readonly SubjectCategoryDefinition[];

export type SubjectCategory = (typeof subjectCategoryDefinitions)[number]['id'];
export const subjectCategories = subjectCategoryDefinitions.map((d) => d.id) as readonly SubjectCategory[];

const byId = new Map<string, SubjectCategoryDefinition>(subjectCategoryDefinitions.map((d) => [d.id, d]));

export function subjectCategoryDefinition(id: SubjectCategory): SubjectCategoryDefinition {
  return byId.get(id)!;
}

/** True when any of the categories is vulnerable: the default answer for the `vulnerableSubjects` fact. */
export function includesVulnerable(categories: readonly SubjectCategory[]): boolean {
  return categories.some((id) => subjectCategoryDefinition(id).vulnerable);
}
