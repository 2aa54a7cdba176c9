import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessBreach, evaluateRisk } from '../../src/domain/assess-breach.ts';
import { assessCategories } from '../../src/domain/assess-categories.ts';
import { breachTypes } from '../../src/domain/breach-classification.ts';
import { type BreachFacts, parseBreachFacts } from '../../src/domain/breach-facts.ts';
import { riskLevels } from '../../src/domain/risk-rules.ts';

const flag = fc.constantFrom(true, false, null);
const approx = fc.option(
  fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })),
  {
    nil: null,
  },
);

const factsArbitrary = fc.record({
  breachTypes: fc.uniqueArray(fc.constantFrom(...breachTypes), { minLength: 1 }),
  dataCategories: fc.uniqueArray(fc.constantFrom(...assessCategories)),
  subjectsApprox: approx,
  recordsApprox: approx,
  vulnerableSubjects: fc.boolean(),
  encrypted: flag,
  keyCompromised: flag,
  backupAvailable: flag,
  dataRecovered: flag,
  malicious: fc.boolean(),
  recipientTrusted: flag,
  unavailabilityHours: approx,
  disproportionateEffort: flag,
});

const rank = (facts: BreachFacts) => riskLevels.indexOf(evaluateRisk(facts).riskLevel);
const parse = (input: unknown) => parseBreachFacts(input, 'en');

describe('properties of the risk engine', () => {
  it('no valid facts object crashes the engine; every decision is consistent and explained', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom('pl', 'en') as fc.Arbitrary<'pl' | 'en'>, (input, lang) => {
        const decision = assessBreach(parse(input), lang);
        expect(riskLevels).toContain(decision.riskLevel);
        expect(decision.notifySupervisoryAuthority).toBe(decision.riskLevel !== 'unlikely');
        if (decision.notifyDataSubjects) expect(decision.riskLevel).toBe('high');
        expect(decision.reasons.length).toBeGreaterThan(0);
        expect(decision.reasons.every((r) => r.length > 20 && !r.includes('{'))).toBe(true);
        expect(Number.isFinite(decision.severity.score)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('no JSON value at all crashes the parser: it is accepted or rejected with a named field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          assessBreach(parse(value));
        } catch (error) {
          expect(error).toMatchObject({ code: 'validation.invalid' });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a presumption never lowers the level', () => {
    const presumptions: [string, (f: BreachFacts) => BreachFacts][] = [
      ...assessCategories.map(
        (category) =>
          [
            `category ${category}`,
            (f: BreachFacts) => ({ ...f, dataCategories: [...new Set([...f.dataCategories, category])] }),
          ] as [string, (f: BreachFacts) => BreachFacts],
      ),
      ['vulnerable subjects', (f) => ({ ...f, vulnerableSubjects: true })],
      ['malicious intent', (f) => ({ ...f, malicious: true })],
      [
        'more people',
        (f) => ({ ...f, subjectsApprox: f.subjectsApprox === null ? null : f.subjectsApprox * 10 + 1000 }),
      ],
      ['the key exposed', (f) => ({ ...f, keyCompromised: true })],
    ];
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(...presumptions), (input, [, add]) => {
        const facts = parse(input);
        expect(rank(add(facts))).toBeGreaterThanOrEqual(rank(facts));
      }),
      { numRuns: 3000 },
    );
  });

  it('a safe key never raises the level', () => {
    fc.assert(
      fc.property(factsArbitrary, (input) => {
        const facts = parse(input);
        const safe = { ...facts, encrypted: true, keyCompromised: false };
        expect(rank(safe)).toBeLessThanOrEqual(rank(facts));
      }),
      { numRuns: 3000 },
    );
  });

  it('unknown is never read more leniently than the worse known answer', () => {
    const cautious: [keyof BreachFacts, boolean][] = [
      ['encrypted', false],
      ['backupAvailable', false],
      ['dataRecovered', false],
      ['recipientTrusted', false],
    ];
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(...cautious), (input, [field, worse]) => {
        const facts = parse(input);
        expect(rank({ ...facts, [field]: null })).toBeGreaterThanOrEqual(rank({ ...facts, [field]: worse }));
      }),
      { numRuns: 2000 },
    );
  });
});
