import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierChecks } from '../../src/scan/identifier-checks.ts';
import { makeCard, makeIdCard, makeNip, makeNrb, makePassport, makePesel } from './make-identifiers.ts';

const digits = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) - 48);
const pesel = (s: string) => identifierChecks.pesel(digits(s), 0);

describe('published examples', () => {
  it.each([
    ['PESEL of a man born 14 May 1944 (gov.pl / Wikipedia example)', () => pesel('44051401359') > 0],
    [
      'ID card ABA300000 (the series and number of the MSWiA example)',
      () => identifierChecks.idCard(Buffer.from('ABA'), 0, digits('300000'), 0) > 0,
    ],
    [
      'NIP 123-456-32-18 (Ministry of Finance example)',
      () => identifierChecks.nip(digits('1234563218'), 0) > 0,
    ],
    ['REGON 123456785 (9 digits, GUS example)', () => identifierChecks.regon(digits('123456785'), 0, 9)],
    [
      'REGON 12345678512347 (14 digits, GUS example)',
      () => identifierChecks.regon(digits('12345678512347'), 0, 14),
    ],
    [
      'IBAN PL61 1090 1014 0000 0712 1981 2874 (bank example)',
      () => identifierChecks.nrb(digits('61109010140000071219812874'), 0),
    ],
    ['Visa test card 4111 1111 1111 1111', () => identifierChecks.card(digits('4111111111111111'), 0, 16)],
    [
      'Mastercard test card 5555 5555 5555 4444',
      () => identifierChecks.card(digits('5555555555554444'), 0, 16),
    ],
    [
      'American Express test card 378282246310005',
      () => identifierChecks.card(digits('378282246310005'), 0, 15),
    ],
  ])('%s', (_name, check) => {
    expect(check()).toBe(true);
  });

  it('rejects near misses of the examples', () => {
    expect(pesel('44051401358')).toBe(0);
    expect(identifierChecks.nip(digits('1234563217'), 0)).toBe(0);
    expect(identifierChecks.nrb(digits('61109010140000071219812875'), 0)).toBe(false);
    expect(identifierChecks.card(digits('4111111111111112'), 0, 16)).toBe(false);
    // Luhn-valid but no issuer starts with 9: not a payment card.
    expect(identifierChecks.card(digits(makeCard('9', 16)), 0, 16)).toBe(false);
  });

  it('reads birth date and sex from the PESEL (art. 15 ust. 2 ustawy o ewidencji ludności)', () => {
    expect(identifierChecks.peselFacts(pesel('44051401359'))).toEqual({
      birthYear: 1944,
      birthMonth: 5,
      birthDay: 14,
      male: true,
    });
    expect(identifierChecks.peselFromKey(pesel('44051401359'))).toBe('44051401359');
  });

  it('rejects a PESEL with a date that does not exist (30 February, month 13)', () => {
    expect(pesel(makePesel(1990, 2, 30, 1234))).toBe(0);
    expect(pesel(`${makePesel(1990, 12, 1, 1234).slice(0, 2)}13${'011234'}0`)).toBe(0);
  });
});

describe('validators against their generators (property tests)', () => {
  const date = fc
    .record({
      year: fc.integer({ min: 1800, max: 2299 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map((d) => ({ ...d, serial: 0 }));

  it('every generated PESEL in all five centuries validates and gives back its date', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 9999 }), (d, serial) => {
        const key = pesel(makePesel(d.year, d.month, d.day, serial));
        const facts = identifierChecks.peselFacts(key);
        return (
          key > 0 && facts.birthYear === d.year && facts.birthMonth === d.month && facts.birthDay === d.day
        );
      }),
    );
  });

  it('changing any one digit of a PESEL makes it invalid', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (d, at, delta) => {
        const p = makePesel(d.year, d.month, d.day, 4321);
        const changed = p.slice(0, at) + String((Number(p[at]) + delta) % 10) + p.slice(at + 1);
        return pesel(changed) === 0;
      }),
    );
  });

  it('generated NIP, ID card, passport, NRB and card numbers validate; distinct numbers get distinct keys', () => {
    const letters = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      minLength: 3,
      maxLength: 3,
    });
    const numeric = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(letters, numeric(9), numeric(24), (series, nine, bban) => {
        const nip = makeNip(nine);
        const id = makeIdCard(series, nine.slice(0, 5));
        const pass = makePassport(series.slice(0, 2), nine.slice(0, 6));
        return (
          (nip === null || identifierChecks.nip(digits(nip), 0) === Number(nine) + 1) &&
          identifierChecks.idCard(Buffer.from(id), 0, digits(id.slice(3)), 0) > 0 &&
          identifierChecks.passport(Buffer.from(pass), 0, digits(pass.slice(2)), 0) > 0 &&
          identifierChecks.nrb(digits(makeNrb(bban)), 0) &&
          identifierChecks.card(digits(makeCard(`4${nine.slice(0, 5)}`, 16)), 0, 16)
        );
      }),
    );
  });
});
