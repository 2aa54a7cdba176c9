import { z } from 'zod';
import { assessCategories } from './assess-categories.ts';
import { breachTypes } from './breach-classification.ts';
import type { Lang } from './language.ts';
import { parseInput } from './validation.ts';

/**
 * The facts the risk engine reasons on: the input of `incydent assess`, of the API's assessment endpoint and of
 * the browser's live preview (../shared/contracts/assess.md). Unknown fields are dropped; a wrong type is an
 * error naming the field, never a silent default. An optional field that is absent means "unknown" (null), and
 * the engine reads unknown cautiously:
 * - `encrypted` unknown → not encrypted; `keyCompromised` unknown → the key may be exposed;
 * - `backupAvailable` unknown → no backup; `dataRecovered` unknown → not recovered;
 * - `recipientTrusted` unknown → an unknown recipient; `unavailabilityHours` unknown → lasting unavailability;
 * - `subjectsApprox` null → possibly many people (treated as large scale);
 * - `disproportionateEffort` unknown → individual letters are feasible (art. 34(3)(c) not invoked).
 */
const approxNumber = z.number().finite().nonnegative();
const optionalFlag = z
  .boolean()
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const breachFactsSchema = z.object({
  id: z.string().optional(),
  breachTypes: z.array(z.enum(breachTypes)).min(1),
  dataCategories: z.array(z.enum(assessCategories)),
  subjectsApprox: approxNumber.nullable(),
  recordsApprox: approxNumber
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  vulnerableSubjects: z.boolean(),
  encrypted: optionalFlag,
  keyCompromised: optionalFlag,
  backupAvailable: optionalFlag,
  dataRecovered: optionalFlag,
  malicious: z.boolean(),
  recipientTrusted: optionalFlag,
  unavailabilityHours: approxNumber
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  /** Extension of the contract: individual letters would involve disproportionate effort, art. 34(3)(c). */
  disproportionateEffort: optionalFlag,
});

/** Facts as given (optional fields may be absent). */
export type BreachFactsInput = z.input<typeof breachFactsSchema>;
/** Facts after parsing: every optional field present, null when unknown. */
export type BreachFacts = z.output<typeof breachFactsSchema>;

/** Parses one facts object; `pathPrefix` names its place in a larger input (e.g. `[3]`). */
export function parseBreachFacts(
  input: unknown,
  lang: Lang,
  pathPrefix: readonly PropertyKey[] = [],
): BreachFacts {
  return parseInput(breachFactsSchema, input, lang, pathPrefix);
}
