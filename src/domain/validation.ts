import type { z } from 'zod';
import { DomainError } from './errors.ts';
import { interpolate, type Lang } from './language.ts';

/** One problem with an input, named by the path of its field (`[2].breachTypes[0]`). */
export type FieldProblem = { field: string; message: string };

/** A validation error: the catalogue's `validation.invalid` for the first problem, with every problem listed. */
export class ValidationError extends DomainError {
  readonly problems: readonly FieldProblem[];

  constructor(problems: readonly FieldProblem[]) {
    const first = problems[0] ?? { field: '(root)', message: '?' };
    super('validation.invalid', { field: first.field, detail: first.message });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

const typeNames: Record<Lang, Record<string, string>> = {
  pl: {
    string: 'tekst',
    number: 'liczba',
    boolean: 'wartość logiczna (true lub false)',
    array: 'tablica',
    object: 'obiekt',
    null: 'null',
    undefined: 'brak wartości',
  },
  en: {
    string: 'a string',
    number: 'a number',
    boolean: 'a boolean (true or false)',
    array: 'an array',
    object: 'an object',
    null: 'null',
    undefined: 'nothing',
  },
};

const texts = {
  pl: {
    required: 'pole jest wymagane',
    type: 'oczekiwano: {expected}; podano: {received}',
    nullable: 'oczekiwano: {expected} lub null; podano: {received}',
    value: 'dozwolone wartości: {values}; podano: {received}',
    tooSmallArray: 'wymagany co najmniej {minimum} element',
    tooSmallNumber: 'wartość nie może być mniejsza niż {minimum}',
    tooBigNumber: 'wartość nie może być większa niż {maximum}',
    tooSmallString: 'wymagane co najmniej {minimum} znaków',
    tooBigString: 'dozwolone co najwyżej {maximum} znaków',
    notFinite: 'liczba musi być skończona',
    format: 'nieprawidłowy format',
  },
  en: {
    required: 'the field is required',
    type: 'expected {expected}; got {received}',
    nullable: 'expected {expected} or null; got {received}',
    value: 'allowed values: {values}; got {received}',
    tooSmallArray: 'at least {minimum} item required',
    tooSmallNumber: 'the value cannot be less than {minimum}',
    tooBigNumber: 'the value cannot be greater than {maximum}',
    tooSmallString: 'at least {minimum} characters required',
    tooBigString: 'at most {maximum} characters allowed',
    notFinite: 'the number must be finite',
    format: 'invalid format',
  },
} as const satisfies Record<Lang, Record<string, string>>;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeValue(value: unknown, lang: Lang): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeNames[lang][kindOf(value)] ?? kindOf(value);
}

/** `[2].breachTypes[0]` for path [2, 'breachTypes', 0]. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function describeIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  const t = texts[lang];
  const received = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (received === undefined) return t.required;
      const expected = typeNames[lang][issue.expected] ?? issue.expected;
      return interpolate(t.type, { expected, received: describeValue(received, lang) });
    }
    case 'invalid_value':
      return interpolate(t.value, {
        values: issue.values.map((v) => JSON.stringify(v)).join(', '),
        received: describeValue(received, lang),
      });
    case 'too_small': {
      const minimum = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return interpolate(t.tooSmallArray, { minimum });
      if (issue.origin === 'string') return interpolate(t.tooSmallString, { minimum });
      return interpolate(t.tooSmallNumber, { minimum });
    }
    case 'too_big': {
      const maximum = String(issue.maximum);
      if (issue.origin === 'string') return interpolate(t.tooBigString, { maximum });
      return interpolate(t.tooBigNumber, { maximum });
    }
    case 'invalid_format':
      return t.format;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

/** Problems of a failed parse, each naming its field, in the user's language. */
export function describeZodError(
  error: z.ZodError,
  lang: Lang,
  pathPrefix: readonly PropertyKey[] = [],
): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: fieldPath([...pathPrefix, ...issue.path]),
    message: describeIssue(issue, lang),
  }));
}

/** Parses `input` with `schema`, or throws a ValidationError naming every field at fault. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  lang: Lang,
  pathPrefix: readonly PropertyKey[] = [],
): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(describeZodError(result.error, lang, pathPrefix));
}
