import { describe, expect, it } from 'vitest';
import { parseBreachFacts } from '../../src/domain/breach-facts.ts';
import { ValidationError } from '../../src/domain/validation.ts';

const valid = {
  breachTypes: ['confidentiality'],
  dataCategories: ['contact'],
  subjectsApprox: 3,
  vulnerableSubjects: false,
  malicious: false,
};

function problems(input: unknown, lang: 'pl' | 'en' = 'pl') {
  try {
    parseBreachFacts(input, lang);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('facts at the edge (assess contract: a wrong field is named, never defaulted)', () => {
  it('absent optional fields are unknown (null); unknown fields are ignored', () => {
    const facts = parseBreachFacts({ ...valid, colour: 'blue' }, 'pl');
    expect(facts).toMatchObject({
      encrypted: null,
      keyCompromised: null,
      backupAvailable: null,
      recordsApprox: null,
    });
    expect('colour' in facts).toBe(false);
  });

  it.each([
    [{ ...valid, breachTypes: [] }, 'breachTypes', 'wymagany co najmniej 1 element'],
    [{ ...valid, breachTypes: ['leak'] }, 'breachTypes[0]', 'podano: "leak"'],
    [{ ...valid, dataCategories: 'pesel' }, 'dataCategories', 'oczekiwano: tablica; podano: "pesel"'],
    [{ ...valid, subjectsApprox: -1 }, 'subjectsApprox', 'nie może być mniejsza niż 0'],
    [{ ...valid, subjectsApprox: '50' }, 'subjectsApprox', 'oczekiwano: liczba; podano: "50"'],
    [{ ...valid, subjectsApprox: undefined }, 'subjectsApprox', 'pole jest wymagane'],
    [{ ...valid, vulnerableSubjects: 'no' }, 'vulnerableSubjects', 'wartość logiczna'],
    [{ ...valid, encrypted: 'yes' }, 'encrypted', 'wartość logiczna'],
    [{ ...valid, id: 7 }, 'id', 'oczekiwano: tekst'],
    [[1, 2], '(root)', 'oczekiwano: obiekt'],
  ])('%j → field %s: %s', (input, field, message) => {
    const found = problems(input);
    expect(found[0]?.field).toBe(field);
    expect(found[0]?.message).toContain(message);
  });

  it('messages are in English on request', () => {
    expect(problems({ ...valid, malicious: null }, 'en')[0]).toEqual({
      field: 'malicious',
      message: 'expected a boolean (true or false); got null',
    });
  });

  it('lists every problem, not only the first', () => {
    expect(problems({}).map((p) => p.field)).toEqual([
      'breachTypes',
      'dataCategories',
      'subjectsApprox',
      'vulnerableSubjects',
      'malicious',
    ]);
  });
});
