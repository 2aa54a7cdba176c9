import { readFileSync } from 'node:fs';
import { type BreachCase, breachCaseSchema } from '../../src/domain/breach-case.ts';

/** The example cases of examples/cases, validated as the CLI validates them. */
export function loadCase(name: 'mopr-bialystok-2019' | 'insurance-misdirected-email'): BreachCase {
  const url = new URL(`../../examples/cases/${name}.json`, import.meta.url);
  return breachCaseSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

export const peopleCsvUrl = new URL('../../examples/cases/people.csv', import.meta.url);

/** A fixed document date: documents are pure functions of the case and this date. */
export const documentDate = new Date('2019-10-11T09:00:00Z');

/** True when `needle` occurs in `haystack`, ignoring whitespace (PDF lines wrap anywhere). */
export function containsText(haystack: string, needle: string): boolean {
  return haystack.replace(/\s+/g, '').includes(needle.replace(/\s+/g, ''));
}

/** The needles missing from the text: the assertion message names them. */
export function missing(haystack: string, needles: readonly string[]): string[] {
  return needles.filter((needle) => !containsText(haystack, needle));
}
