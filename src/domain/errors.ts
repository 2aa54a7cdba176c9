import { interpolate, type Lang, type Localized } from './language.ts';

/**
 * The one catalogue of errors a user may see. Each has an HTTP status (used at the server's edge) and a message in
 * Polish and English; `{field}`-style placeholders are filled from the error's params.
 */
export const errorCatalogue = {
  'validation.invalid': {
    status: 400,
    message: {
      pl: 'Nieprawidłowe dane w polu „{field}”: {detail}',
      en: 'Invalid value in field "{field}": {detail}',
    },
  },
  'workflow.illegal-transition': {
    status: 409,
    message: {
      pl: 'Nie można wykonać czynności „{event}” w stanie „{status}”.',
      en: 'Action "{event}" is not allowed in status "{status}".',
    },
  },
  'workflow.comment-required': {
    status: 400,
    message: {
      pl: 'Każda zmiana statusu wymaga komentarza (pole „comment”).',
      en: 'Every status change needs a comment (field "comment").',
    },
  },
  'workflow.reason-required': {
    status: 400,
    message: {
      pl: 'Ta czynność wymaga pisemnego uzasadnienia (pole „{field}”).',
      en: 'This action needs a written reason (field "{field}").',
    },
  },
  'workflow.aware-at-required': {
    status: 400,
    message: {
      pl: 'Potwierdzenie naruszenia wymaga daty i godziny stwierdzenia naruszenia (pole „awareAt”).',
      en: 'Confirming a breach needs the date and time of becoming aware (field "awareAt").',
    },
  },
  'time.order': {
    status: 400,
    message: {
      pl: 'Pole „{later}” nie może być wcześniejsze niż „{earlier}”.',
      en: 'Field "{later}" cannot be earlier than "{earlier}".',
    },
  },
  'time.in-future': {
    status: 400,
    message: {
      pl: 'Pole „{field}” nie może wskazywać przyszłości.',
      en: 'Field "{field}" cannot be in the future.',
    },
  },
  'notification.late-reason-required': {
    status: 400,
    message: {
      pl: 'Zgłoszenie do UODO po upływie 72 godzin od stwierdzenia naruszenia musi zawierać powody opóźnienia (art. 33 ust. 1 RODO, pole „lateReason”).',
      en: 'A notification to UODO more than 72 hours after becoming aware must give the reasons for the delay (GDPR art. 33(1), field "lateReason").',
    },
  },
  'notification.phase-order': {
    status: 409,
    message: {
      pl: 'Zgłoszenie uzupełniające wymaga wcześniejszego zgłoszenia wstępnego lub kompletnego.',
      en: 'A supplementary notification needs an earlier initial or complete notification.',
    },
  },
  'notification.case-reference-required': {
    status: 400,
    message: {
      pl: 'Zgłoszenie uzupełniające wymaga sygnatury sprawy nadanej przez UODO (pole „uodoCaseReference”).',
      en: 'A supplementary notification needs the case reference given by UODO (field "uodoCaseReference").',
    },
  },
  'assessment.departure-reason-required': {
    status: 400,
    message: {
      pl: 'Decyzja IOD odbiega od oceny reguł: wpisz pisemne uzasadnienie (co najmniej {min} znaków, pole „reason”).',
      en: 'The DPO\'s decision departs from the rules\' assessment: write a reason (at least {min} characters, field "reason").',
    },
  },
} as const satisfies Record<string, { status: number; message: Localized }>;

export type ErrorCode = keyof typeof errorCatalogue;
export type ErrorParams = Readonly<Record<string, string | number>>;

/** The only error the domain throws: a catalogue code with its parameters. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(interpolate(errorCatalogue[code].message.en, params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  messageIn(lang: Lang): string {
    return interpolate(errorCatalogue[this.code].message[lang], this.params);
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
