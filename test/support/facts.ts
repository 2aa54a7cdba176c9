import { type BreachFacts, type BreachFactsInput, parseBreachFacts } from '../../src/domain/breach-facts.ts';

/** Facts with every field given; a test overrides only what its story is about. */
export function buildFacts(overrides: Partial<BreachFactsInput> = {}): BreachFacts {
  return parseBreachFacts(
    {
      breachTypes: ['confidentiality'],
      dataCategories: ['identification', 'contact'],
      subjectsApprox: 10,
      vulnerableSubjects: false,
      malicious: false,
      encrypted: false,
      keyCompromised: null,
      backupAvailable: null,
      dataRecovered: false,
      recipientTrusted: false,
      unavailabilityHours: null,
      ...overrides,
    },
    'en',
  );
}
