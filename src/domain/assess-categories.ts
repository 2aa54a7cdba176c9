/**
 * The words of the `assess` contract (../shared/contracts/assess.md) for what kind of personal data a breach
 * concerns. Every finer category (UODO form section 6, see data-categories.ts) maps onto one of these.
 */
export const assessCategories = [
  'identification',
  'contact',
  'national-id',
  'financial',
  'credentials',
  'location',
  'behavioural',
  'health',
  'special',
  'criminal',
  'other',
] as const;

export type AssessCategory = (typeof assessCategories)[number];
