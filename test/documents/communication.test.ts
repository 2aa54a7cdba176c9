import { describe, expect, it } from 'vitest';
import type { BreachCase } from '../../src/domain/breach-case.ts';
import type { DataCategory } from '../../src/domain/data-categories.ts';
import {
  inferAddressForm,
  type Recipient,
  salutation,
} from '../../src/domain/documents/communication-audience.ts';
import {
  adviceList,
  communicationGaps,
  consequenceList,
} from '../../src/domain/documents/communication-content.ts';
import { loadCase } from './cases.ts';

const base = loadCase('insurance-misdirected-email');
const withData = (dataCategories: DataCategory[]): BreachCase => ({ ...base, dataCategories });
const advice = (categories: DataCategory[]) => adviceList(withData(categories), 'pl', 'female').join('\n');

describe('advice chosen by the data involved (art. 34(2); seed 000; DOMAIN.md)', () => {
  it.each([
    [['pesel'], ['zastrzec numer PESEL', 'mObywatel', 'urzędzie gminy', 'BIK', 'pożyczk']],
    [['id-card'], ['Dokumenty Zastrzeżone', 'wymianę na nowy']],
    [['bank-account'], ['skontaktować się ze swoim bankiem', 'wyciągi']],
    [['credentials'], ['zmienić hasło', '2FA']],
    [
      ['email', 'phone'],
      ['SMS-ów i telefonów', 'nie klikać w linki'],
    ],
    [['health'], ['NFZ', 'inspektorem ochrony danych']],
  ] as [DataCategory[], string[]][])('%j → %j', (categories, expected) => {
    const text = advice(categories);
    for (const phrase of expected) expect(text).toContain(phrase);
  });

  it('does not advise reserving PESEL when no PESEL leaked', () => {
    expect(advice(['email'])).not.toContain('PESEL');
  });

  it('always ends with the Police and civil-law remedies, and a complaint to the President of UODO', () => {
    const items = adviceList(withData(['email']), 'pl', 'public');
    expect(items.at(-1)).toContain('Prezesa Urzędu Ochrony Danych Osobowych');
    expect(items.at(-2)).toContain('Policję');
  });

  it('consequences speak to the reader in the right form and end with a full stop', () => {
    const male = consequenceList(withData(['pesel']), 'pl', 'male');
    expect(male[0]).toContain('na Pana dane');
    expect(male.at(-1)).toMatch(/\.$/);
    expect(consequenceList(withData(['pesel']), 'pl', 'public')[0]).toContain('na Państwa dane');
  });
});

describe('personal address (Polish forms)', () => {
  it.each([
    ['Anna', null, 'female'],
    ['Jan', null, 'male'],
    ['Kuba', null, 'male'],
    ['Nel', 'K', 'female'],
    ['Maria', 'mężczyzna', 'male'],
    ['', null, 'neutral'],
  ] as const)('%s (%s) → %s', (name, hint, form) => {
    expect(inferAddressForm(name, hint)).toBe(form);
  });

  it('salutation greets in the vocative in Polish (the name stands in the address block), by name in English', () => {
    const anna: Recipient = { firstName: 'Anna', lastName: 'Kowalska', addressLines: [], form: 'female' };
    const jan: Recipient = { firstName: 'Jan', lastName: 'Nowak', addressLines: [], form: 'male' };
    expect(salutation(anna, 'pl')).toBe('Szanowna Pani,');
    expect(salutation(jan, 'pl')).toBe('Szanowny Panie,');
    expect(salutation({ ...jan, form: 'neutral' }, 'pl')).toBe('Szanowna Pani / Szanowny Panie,');
    expect(salutation(null, 'pl')).toBe('Szanowni Państwo,');
    expect(salutation(jan, 'en')).toBe('Dear Jan Nowak,');
    expect(salutation({ ...jan, firstName: '', lastName: '' }, 'en')).toBe('Dear Sir or Madam,');
  });
});

describe('what a communication to people still lacks (art. 34(2) RODO)', () => {
  it('nothing for a complete case; each missing item by name', () => {
    expect(communicationGaps(base)).toEqual([]);
    const bare: BreachCase = {
      ...base,
      description: '  ',
      dataCategories: [],
      actionsTaken: null,
      measuresMitigate: '',
      measuresPrevent: null,
      organisation: { ...base.organisation, dpo: null, contactPoint: null },
    };
    expect(communicationGaps(bare)).toEqual(['description', 'dataCategories', 'measures', 'dpoContact']);
  });

  it('any one measure is enough; a DPO needs a phone or an e-mail, or another contact point stands in', () => {
    const noMeasures = { ...base, actionsTaken: null, measuresMitigate: null, measuresPrevent: null };
    expect(communicationGaps(noMeasures)).toEqual(['measures']);
    expect(communicationGaps({ ...noMeasures, measuresPrevent: 'Szkolenie pracowników.' })).toEqual([]);
    const nameOnly = { name: 'Jan Nowak', phone: null, email: null };
    const organisation = { ...base.organisation, dpo: nameOnly, contactPoint: null };
    expect(communicationGaps({ ...base, organisation })).toEqual(['dpoContact']);
    expect(
      communicationGaps({
        ...base,
        organisation: { ...organisation, dpo: { ...nameOnly, email: 'iod@example.pl' } },
      }),
    ).toEqual([]);
    expect(
      communicationGaps({
        ...base,
        organisation: { ...organisation, dpo: null, contactPoint: 'sekretariat, tel. 85 000 00 00' },
      }),
    ).toEqual([]);
    // The letter gives the DPO when there is one, so a contact point beside a DPO without contact does not help.
    expect(
      communicationGaps({ ...base, organisation: { ...organisation, contactPoint: 'sekretariat' } }),
    ).toEqual(['dpoContact']);
  });
});
