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
      pl: 'Zgłoszenie do UODO po upływie 72 godzin od stwierdzenia naruszenia musi wyjaśniać powody opóźnienia (art. 33 ust. 1 RODO; pole „lateReason”, co najmniej 20 znaków).',
      en: 'A notification to UODO more than 72 hours after becoming aware must explain the reasons for the delay (GDPR art. 33(1); field "lateReason", at least 20 characters).',
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
  'decision.inconsistent': {
    status: 409,
    message: {
      pl: 'Decyzja jest niespójna z oceną ryzyka: {detail}',
      en: 'The decision contradicts the risk assessment: {detail}',
    },
  },
  'auth.required': {
    status: 401,
    message: { pl: 'Zaloguj się, aby kontynuować.', en: 'Log in to continue.' },
  },
  'auth.invalid-credentials': {
    status: 401,
    message: { pl: 'Nieprawidłowy e-mail lub hasło.', en: 'Wrong e-mail or password.' },
  },
  'auth.throttled': {
    status: 429,
    message: {
      pl: 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {minutes} min.',
      en: 'Too many failed login attempts. Try again in {minutes} min.',
    },
  },
  'auth.second-factor-required': {
    status: 401,
    message: {
      pl: 'Podaj kod z aplikacji uwierzytelniającej (drugi składnik).',
      en: 'Enter the code from your authenticator app (second factor).',
    },
  },
  'auth.second-factor-invalid': {
    status: 401,
    message: { pl: 'Nieprawidłowy kod drugiego składnika.', en: 'Wrong second-factor code.' },
  },
  'auth.second-factor-enrolment-required': {
    status: 403,
    message: {
      pl: 'Organizacja wymaga drugiego składnika logowania dla Twojej roli: włącz go w ustawieniach konta.',
      en: 'The organisation requires a second factor for your role: turn it on in your account settings.',
    },
  },
  'auth.csrf': {
    status: 403,
    message: {
      pl: 'Brak lub nieprawidłowy token CSRF (nagłówek „x-csrf-token”). Odśwież stronę.',
      en: 'Missing or wrong CSRF token (header "x-csrf-token"). Reload the page.',
    },
  },
  'auth.forbidden': {
    status: 403,
    message: {
      pl: 'Twoja rola w tej organizacji nie pozwala na tę czynność ({permission}).',
      en: 'Your role in this organisation does not allow this ({permission}).',
    },
  },
  'setup.done': {
    status: 409,
    message: {
      pl: 'Konfiguracja początkowa została już wykonana.',
      en: 'The initial setup has already been done.',
    },
  },
  'not-found': {
    status: 404,
    message: { pl: 'Nie znaleziono lub brak dostępu.', en: 'Not found or no access.' },
  },
  'conflict.version': {
    status: 409,
    message: {
      pl: 'Ktoś inny zmienił ten wpis w międzyczasie. Twoje zmiany nie zostały jeszcze zapisane: sprawdź je na tle nowej wersji i zapisz ponownie.',
      en: 'Someone else changed this record meanwhile. Your changes are not saved yet: check them against the new version and save again.',
    },
  },
  'conflict.email-taken': {
    status: 409,
    message: {
      pl: 'Użytkownik z tym adresem e-mail już istnieje.',
      en: 'A user with this e-mail already exists.',
    },
  },
  'rate-limited': {
    status: 429,
    message: {
      pl: 'Zbyt wiele zgłoszeń z tego adresu. Spróbuj ponownie za chwilę.',
      en: 'Too many reports from this address. Try again in a while.',
    },
  },
  'payload.too-large': {
    status: 413,
    message: {
      pl: 'Plik lub dane są zbyt duże (limit: {limit}).',
      en: 'The file or data are too large (limit: {limit}).',
    },
  },
  'register.empty': {
    status: 404,
    message: {
      pl: 'Żaden wpis rejestru nie spełnia wybranych warunków — nie ma czego eksportować.',
      en: 'No register entry matches the chosen filters: there is nothing to export.',
    },
  },
  'report.receipt-unknown': {
    status: 404,
    message: {
      pl: 'Nie znaleziono zgłoszenia o tym kodzie potwierdzenia.',
      en: 'No report with this receipt code was found.',
    },
  },
  internal: {
    status: 500,
    message: {
      pl: 'Wystąpił nieoczekiwany błąd. Nic nie zostało zapisane; spróbuj ponownie.',
      en: 'An unexpected error occurred. Nothing was saved; please try again.',
    },
  },
} as const satisfies Record<string, { status: number; message: Localized }>;

export type ErrorCode = keyof typeof errorCatalogue;
/** Parameters of a message; a Localized value is shown in the reader's language (e.g. a status label). */
export type ErrorParams = Readonly<Record<string, string | number | Localized>>;

function paramsIn(params: ErrorParams, lang: Lang): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params))
    result[key] = typeof value === 'object' ? value[lang] : value;
  return result;
}

/** The only error the domain throws: a catalogue code with its parameters. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(interpolate(errorCatalogue[code].message.en, paramsIn(params, 'en')));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  messageIn(lang: Lang): string {
    return interpolate(errorCatalogue[this.code].message[lang], paramsIn(this.params, lang));
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
