import { useEffect, useRef } from 'react';
import { ApiError } from '../api/api-error.ts';

/**
 * What a form knows about its fields: the API's field path (`reporterEmail`, `times.endedAt`, `address.unit`)
 * → the words on its label and, when the form shows it, the id of its control.
 */
export type FieldLabels = Record<string, { label: string; id?: string }>;

export type FieldProblem = { key: string; message: string };

/** The form's field an API path names: the whole path, else its tail (`times.endedAt` → `endedAt`), else its head. */
export function matchField(path: string, labels: FieldLabels): string | null {
  if (labels[path]) return path;
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('.');
    if (labels[tail]) return tail;
  }
  // A part of a field the form shows as a whole (`attachments[0].dataBase64` → `attachments`).
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    if (labels[head]) return head;
  }
  return null;
}

const quoted = /([„"])([A-Za-z][\w.[\]]*)([”"])/g;

/** A server message with the API's field names in quotes (`„reporterEmail”`) put in the form's own words. */
export function humanizeMessage(message: string, labels: FieldLabels | undefined): string {
  if (!labels) return message;
  return message.replace(quoted, (whole, open: string, name: string, close: string) => {
    const key = matchField(name, labels);
    return key ? `${open}${labels[key]!.label}${close}` : whole;
  });
}

/** The fields at fault in an error, by the form's keys: from `error.fields`, else from names quoted in its message. */
export function fieldProblems(error: unknown, labels: FieldLabels): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems: FieldProblem[] = [];
  const add = (key: string | null, message: string) => {
    if (key && !problems.some((p) => p.key === key)) problems.push({ key, message });
  };
  for (const f of error.fields) add(matchField(f.field, labels), humanizeMessage(f.message, labels));
  if (problems.length === 0) {
    // A message naming fields (`„endedAt” cannot be earlier than „startedAt”`) is about the first one it names.
    const message = humanizeMessage(error.message, labels);
    for (const match of error.message.matchAll(quoted)) {
      const key = matchField(match[2]!, labels);
      if (key && labels[key]?.id) {
        add(key, message);
        break;
      }
    }
  }
  return problems;
}

/**
 * Field errors of a form: each field at fault is marked (aria-invalid, its message beside it, tied by
 * aria-describedby), and focus moves to the first of them on the page when a new error arrives.
 */
export function useFieldErrors(error: unknown, labels: FieldLabels) {
  const problems = fieldProblems(error, labels);
  const latest = useRef({ problems, labels });
  latest.current = { problems, labels };
  useEffect(() => {
    if (!error) return;
    const { problems: current, labels: known } = latest.current;
    const controls = current
      .map((p) => (known[p.key]?.id ? document.getElementById(known[p.key]!.id!) : null))
      .filter((e): e is HTMLElement => e !== null);
    controls.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    controls[0]?.focus();
  }, [error]);
  const messageOf = (key: string) => problems.find((p) => p.key === key)?.message;
  const errorId = (key: string) => `${labels[key]?.id ?? key}-error`;
  return {
    problems,
    messageOf,
    /** aria-invalid and aria-describedby for a control, keeping the ids it is already described by. */
    attrs(key: string, describedBy?: string) {
      const invalid = messageOf(key) !== undefined;
      const ids = [describedBy, invalid ? errorId(key) : undefined].filter(Boolean).join(' ');
      return { 'aria-invalid': invalid || undefined, 'aria-describedby': ids || undefined };
    },
    /** The message beside a field, or nothing. */
    message(key: string) {
      const text = messageOf(key);
      return text === undefined ? null : (
        <p className="field-error" id={errorId(key)}>
          {text}
        </p>
      );
    },
  };
}

/** A check made in the browser before sending, shaped like the server's answer so the field is marked alike. */
export function localError(field: string, message: string): ApiError {
  return new ApiError({ status: 400, code: 'client.invalid', message, fields: [{ field, message }] });
}
