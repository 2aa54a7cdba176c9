/**
 * What incydent's e-mails say: pure functions from domain data to a subject, a plain-text body and an HTML body, in
 * Polish or English. The 72-hour clock is art. 33(1) RODO (notify UODO within 72 hours of becoming aware); the
 * reminders exist so that a breach confirmed on a Friday evening is not noticed on Monday. No I/O and no clock:
 * every instant is passed in and written in Warsaw time.
 */
import { interpolate, type Lang, type Localized } from './language.ts';
import type { Role } from './permissions.ts';
import { formatWarsawDate, formatWarsawDateTime } from './warsaw-time.ts';

export type MailContent = { subject: string; text: string; html: string };

export const mailKinds = [
  'new-report',
  'breach-confirmed',
  'deadline-reminder',
  'deadline-overdue',
  'action-due',
  'action-overdue',
  'daily-digest',
  'subject-communication',
] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * Who receives which e-mail, by role in the organisation. The IOD (and an admin, who has the IOD's powers) runs
 * the process; the controller is the one art. 33 obliges to notify, so hears when the clock starts and runs out.
 */
export const mailAudiences: Record<
  Exclude<MailKind, 'daily-digest' | 'subject-communication'>,
  readonly Role[]
> = {
  'new-report': ['dpo', 'admin'],
  'breach-confirmed': ['dpo', 'admin', 'controller'],
  'deadline-reminder': ['dpo', 'admin', 'controller'],
  'deadline-overdue': ['dpo', 'admin', 'controller'],
  'action-due': ['dpo', 'admin'],
  'action-overdue': ['dpo', 'admin'],
};

/** A line of facts in a message: "Sygnatura: 2026/004". */
export type MailFact = { label: string; value: string };

const common = {
  footer: {
    pl: 'Wiadomość wysłana automatycznie przez incydent – rejestr naruszeń ochrony danych osobowych. Ustawienia powiadomień zmienisz w aplikacji.',
    en: 'Sent automatically by incydent – the register of personal data breaches. Change your notification settings in the app.',
  },
  open: { pl: 'Otwórz w incydent', en: 'Open in incydent' },
  reference: { pl: 'Sygnatura', en: 'Reference' },
  title: { pl: 'Opis', en: 'Description' },
  organisation: { pl: 'Organizacja', en: 'Organisation' },
  deadline: { pl: 'Termin zgłoszenia do UODO', en: 'Deadline to notify UODO' },
  awareAt: { pl: 'Stwierdzenie naruszenia', en: 'Became aware' },
  reportedAt: { pl: 'Zgłoszono', en: 'Reported' },
  channel: { pl: 'Kanał zgłoszenia', en: 'Reported through' },
  dueDate: { pl: 'Termin działania', en: 'Action due' },
  action: { pl: 'Działanie', en: 'Action' },
} as const satisfies Record<string, Localized>;

const reportChannels: Record<'staff' | 'public-link', Localized> = {
  staff: { pl: 'pracownik (w aplikacji)', en: 'a member of staff (in the app)' },
  'public-link': { pl: 'publiczny formularz zgłoszeń', en: 'the public report form' },
};

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Hours as people say them: "48 godzin", "24 godziny", "1 godzinę" (Polish plural forms). */
export function hoursText(hours: number, lang: Lang): string {
  if (lang === 'en') return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const n = Math.abs(hours);
  if (n === 1) return `${hours} godzinę`;
  const lastTwo = n % 100;
  const last = n % 10;
  if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) return `${hours} godziny`;
  return `${hours} godzin`;
}

/**
 * One message in the house style: a heading, paragraphs, facts, a button back to the page, and the footer. The
 * plain-text part says exactly what the HTML says.
 */
export function composeMail(input: {
  lang: Lang;
  subject: string;
  heading: string;
  paragraphs: readonly string[];
  facts?: readonly MailFact[];
  list?: readonly string[];
  link: string;
  linkLabel?: string;
  footer?: string | null;
}): MailContent {
  const { lang } = input;
  const facts = input.facts ?? [];
  const list = input.list ?? [];
  const linkLabel = input.linkLabel ?? common.open[lang];
  const footer = input.footer === undefined ? common.footer[lang] : input.footer;
  const text = [
    input.heading,
    '',
    ...input.paragraphs.flatMap((p) => [p, '']),
    ...(facts.length > 0 ? [...facts.map((f) => `${f.label}: ${f.value}`), ''] : []),
    ...(list.length > 0 ? [...list.map((item) => `• ${item}`), ''] : []),
    `${linkLabel}: ${input.link}`,
    ...(footer ? ['', '-- ', footer] : []),
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem">',
    `<h1 style="font-size:1.3rem">${escapeHtml(input.heading)}</h1>`,
    ...input.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(facts.length > 0
      ? [
          '<table style="border-collapse:collapse">',
          ...facts.map(
            (f) =>
              `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(f.label)}</th><td style="padding:2px 0">${escapeHtml(f.value)}</td></tr>`,
          ),
          '</table>',
        ]
      : []),
    ...(list.length > 0 ? ['<ul>', ...list.map((item) => `<li>${escapeHtml(item)}</li>`), '</ul>'] : []),
    `<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:8px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(linkLabel)}</a></p>`,
    ...(footer ? [`<hr><p style="font-size:0.85rem;color:#555">${escapeHtml(footer)}</p>`] : []),
    '</body></html>',
  ].join('\n');
  return { subject: input.subject, text, html };
}

/** What every breach message knows about the breach. */
export type BreachMailFacts = {
  lang: Lang;
  organisationName: string;
  reference: string;
  title: string;
  link: string;
};

const breachFacts = (b: BreachMailFacts): MailFact[] => [
  { label: common.organisation[b.lang], value: b.organisationName },
  { label: common.reference[b.lang], value: b.reference },
  { label: common.title[b.lang], value: b.title },
];

const newReportTexts = {
  subject: { pl: '[incydent] Nowe zgłoszenie {reference}', en: '[incydent] New report {reference}' },
  heading: { pl: 'Nowe zgłoszenie incydentu', en: 'A new incident report' },
  body: {
    pl: 'W organizacji „{organisation}” zgłoszono incydent, który może być naruszeniem ochrony danych osobowych. Oceń go niezwłocznie: jeśli to naruszenie, od chwili jego stwierdzenia biegnie 72-godzinny termin na zgłoszenie do Prezesa UODO (art. 33 ust. 1 RODO).',
    en: 'An incident that may be a personal data breach was reported in "{organisation}". Triage it without delay: once it is confirmed as a breach, the 72-hour deadline to notify UODO runs (GDPR art. 33(1)).',
  },
} as const satisfies Record<string, Localized>;

/** A new report: to every IOD of the organisation. */
export function newReportMail(
  input: BreachMailFacts & { reportedAt: Date; channel: 'staff' | 'public-link' },
) {
  const { lang } = input;
  return composeMail({
    lang,
    subject: interpolate(newReportTexts.subject[lang], { reference: input.reference }),
    heading: newReportTexts.heading[lang],
    paragraphs: [interpolate(newReportTexts.body[lang], { organisation: input.organisationName })],
    facts: [
      ...breachFacts(input),
      { label: common.reportedAt[lang], value: formatWarsawDateTime(input.reportedAt, lang) },
      { label: common.channel[lang], value: reportChannels[input.channel][lang] },
    ],
    link: input.link,
  });
}

const confirmedTexts = {
  subject: {
    pl: '[incydent] Naruszenie {reference} stwierdzone – termin zgłoszenia do UODO: {deadline}',
    en: '[incydent] Breach {reference} confirmed – notify UODO by {deadline}',
  },
  heading: {
    pl: 'Naruszenie stwierdzone: biegnie termin 72 godzin',
    en: 'Breach confirmed: the 72-hour clock runs',
  },
  body: {
    pl: 'Incydent {reference} został potwierdzony jako naruszenie ochrony danych osobowych. Od chwili stwierdzenia naruszenia ({awareAt}) biegnie 72-godzinny termin: jeśli naruszenie skutkuje ryzykiem dla praw lub wolności osób, administrator zgłasza je Prezesowi UODO do {deadline} (art. 33 ust. 1 RODO). Termin biegnie także w weekendy i święta.',
    en: 'Incident {reference} was confirmed as a personal data breach. The 72-hour clock started when the controller became aware ({awareAt}): unless the breach is unlikely to result in a risk to people, notify UODO by {deadline} (GDPR art. 33(1)). Weekends and holidays count.',
  },
} as const satisfies Record<string, Localized>;

/** A breach confirmed: to the IOD and the controllers, with the deadline. */
export function breachConfirmedMail(input: BreachMailFacts & { awareAt: Date; deadlineAt: Date }) {
  const { lang } = input;
  const deadline = formatWarsawDateTime(input.deadlineAt, lang);
  const awareAt = formatWarsawDateTime(input.awareAt, lang);
  return composeMail({
    lang,
    subject: interpolate(confirmedTexts.subject[lang], { reference: input.reference, deadline }),
    heading: confirmedTexts.heading[lang],
    paragraphs: [interpolate(confirmedTexts.body[lang], { reference: input.reference, awareAt, deadline })],
    facts: [
      ...breachFacts(input),
      { label: common.awareAt[lang], value: awareAt },
      { label: common.deadline[lang], value: deadline },
    ],
    link: input.link,
  });
}

const reminderTexts = {
  subject: {
    pl: '[incydent] Zostało {hours} na zgłoszenie naruszenia {reference} do UODO',
    en: '[incydent] {hours} left to notify UODO of breach {reference}',
  },
  heading: { pl: 'Przypomnienie: termin zgłoszenia do UODO', en: 'Reminder: the deadline to notify UODO' },
  body: {
    pl: 'Naruszenie {reference} nie zostało jeszcze zgłoszone Prezesowi UODO ani nie zapisano decyzji, że zgłoszenie nie jest wymagane. Do upływu 72 godzin od stwierdzenia naruszenia zostało {hours}: termin mija {deadline} (art. 33 ust. 1 RODO). Jeśli nie znasz jeszcze wszystkich informacji, możesz złożyć zgłoszenie wstępne i uzupełnić je później (art. 33 ust. 4 RODO).',
    en: 'Breach {reference} has not been notified to UODO and no decision that notification is not required has been recorded. {hours} remain of the 72 hours since becoming aware: the deadline is {deadline} (GDPR art. 33(1)). If not all the information is known yet, an initial notification can be supplemented later (GDPR art. 33(4)).',
  },
  overdueSubject: {
    pl: '[incydent] Minął termin zgłoszenia naruszenia {reference} do UODO',
    en: '[incydent] The deadline to notify UODO of breach {reference} has passed',
  },
  overdueHeading: { pl: 'Termin 72 godzin minął', en: 'The 72-hour deadline has passed' },
  overdueBody: {
    pl: 'Termin zgłoszenia naruszenia {reference} Prezesowi UODO minął {deadline}. Zgłoszenie dokonane po upływie 72 godzin musi zawierać przyczyny opóźnienia (art. 33 ust. 1 RODO). Zgłoś naruszenie niezwłocznie albo zapisz uzasadnioną decyzję, że zgłoszenie nie jest wymagane.',
    en: 'The deadline to notify UODO of breach {reference} passed at {deadline}. A notification made after 72 hours must give the reasons for the delay (GDPR art. 33(1)). Notify without further delay, or record the reasoned decision that notification is not required.',
  },
} as const satisfies Record<string, Localized>;

/** A reminder at a threshold (hours left), or at 0: the deadline has passed. */
export function deadlineReminderMail(
  input: BreachMailFacts & { awareAt: Date; deadlineAt: Date; thresholdHours: number },
) {
  const { lang } = input;
  const deadline = formatWarsawDateTime(input.deadlineAt, lang);
  const overdue = input.thresholdHours <= 0;
  const hours = hoursText(input.thresholdHours, lang);
  const params = { reference: input.reference, deadline, hours };
  return composeMail({
    lang,
    subject: interpolate((overdue ? reminderTexts.overdueSubject : reminderTexts.subject)[lang], params),
    heading: (overdue ? reminderTexts.overdueHeading : reminderTexts.heading)[lang],
    paragraphs: [interpolate((overdue ? reminderTexts.overdueBody : reminderTexts.body)[lang], params)],
    facts: [
      ...breachFacts(input),
      { label: common.awareAt[lang], value: formatWarsawDateTime(input.awareAt, lang) },
      { label: common.deadline[lang], value: deadline },
    ],
    link: input.link,
  });
}

const actionTexts = {
  dueSubject: {
    pl: '[incydent] Dziś mija termin działania w sprawie {reference}',
    en: '[incydent] An action on {reference} is due today',
  },
  dueHeading: { pl: 'Termin działania naprawczego', en: 'A corrective action is due' },
  dueBody: {
    pl: 'Dziś ({due}) mija termin działania zaplanowanego w sprawie naruszenia {reference}. Zapisz jego wykonanie i ocenę skuteczności albo zmień termin.',
    en: 'An action planned for breach {reference} is due today ({due}). Record that it is done and how effective it was, or move its date.',
  },
  overdueSubject: {
    pl: '[incydent] Przeterminowane działanie w sprawie {reference}',
    en: '[incydent] An action on {reference} is overdue',
  },
  overdueHeading: { pl: 'Działanie po terminie', en: 'An action is overdue' },
  overdueBody: {
    pl: 'Termin działania zaplanowanego w sprawie naruszenia {reference} minął {due}, a działanie nie zostało oznaczone jako wykonane.',
    en: 'An action planned for breach {reference} was due on {due} and has not been marked done.',
  },
} as const satisfies Record<string, Localized>;

/** A calendar date `YYYY-MM-DD` as people write it. */
function dayText(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-');
  return lang === 'pl' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** A corrective or preventive action due today, or past its date. */
export function actionMail(
  input: BreachMailFacts & { description: string; dueDate: string; overdue: boolean },
) {
  const { lang } = input;
  const params = { reference: input.reference, due: dayText(input.dueDate, lang) };
  return composeMail({
    lang,
    subject: interpolate((input.overdue ? actionTexts.overdueSubject : actionTexts.dueSubject)[lang], params),
    heading: (input.overdue ? actionTexts.overdueHeading : actionTexts.dueHeading)[lang],
    paragraphs: [interpolate((input.overdue ? actionTexts.overdueBody : actionTexts.dueBody)[lang], params)],
    facts: [
      ...breachFacts(input),
      { label: common.action[lang], value: input.description },
      { label: common.dueDate[lang], value: params.due },
    ],
    link: input.link,
  });
}

/** One line of the daily digest. */
export type DigestItem =
  | {
      kind: 'deadline';
      organisationName: string;
      reference: string;
      title: string;
      deadlineAt: Date;
      hoursLeft: number;
    }
  | { kind: 'report'; organisationName: string; reference: string; title: string }
  | {
      kind: 'action';
      organisationName: string;
      reference: string;
      description: string;
      dueDate: string;
      overdue: boolean;
    };

const digestTexts = {
  subject: { pl: '[incydent] Podsumowanie dnia {date}', en: '[incydent] Daily summary {date}' },
  heading: { pl: 'Co wymaga uwagi', en: 'What needs attention' },
  body: {
    pl: 'Naruszenia z biegnącym terminem zgłoszenia do UODO, nowe zgłoszenia do oceny i działania z terminem do dziś we wszystkich Twoich organizacjach:',
    en: 'Breaches whose deadline to notify UODO runs, reports awaiting triage and actions due by today, across all your organisations:',
  },
  deadline: {
    pl: '{organisation} · {reference} „{title}”: termin zgłoszenia do UODO {deadline} ({left})',
    en: '{organisation} · {reference} "{title}": notify UODO by {deadline} ({left})',
  },
  left: { pl: 'zostało {hours}', en: '{hours} left' },
  late: { pl: 'po terminie', en: 'overdue' },
  report: {
    pl: '{organisation} · {reference} „{title}”: zgłoszenie czeka na ocenę',
    en: '{organisation} · {reference} "{title}": report awaiting triage',
  },
  action: {
    pl: '{organisation} · {reference}: {description} – termin {due}{late}',
    en: '{organisation} · {reference}: {description} – due {due}{late}',
  },
} as const satisfies Record<string, Localized>;

/** The optional daily digest of one user across organisations. */
export function dailyDigestMail(input: {
  lang: Lang;
  date: Date;
  items: readonly DigestItem[];
  link: string;
}) {
  const { lang } = input;
  const list = input.items.map((item) => {
    const base = { organisation: item.organisationName, reference: item.reference };
    if (item.kind === 'deadline') {
      const left =
        item.hoursLeft < 0
          ? digestTexts.late[lang]
          : interpolate(digestTexts.left[lang], { hours: hoursText(Math.floor(item.hoursLeft), lang) });
      return interpolate(digestTexts.deadline[lang], {
        ...base,
        title: item.title,
        deadline: formatWarsawDateTime(item.deadlineAt, lang),
        left,
      });
    }
    if (item.kind === 'report') return interpolate(digestTexts.report[lang], { ...base, title: item.title });
    return interpolate(digestTexts.action[lang], {
      ...base,
      description: item.description,
      due: dayText(item.dueDate, lang),
      late: item.overdue ? ` (${digestTexts.late[lang]})` : '',
    });
  });
  return composeMail({
    lang,
    subject: interpolate(digestTexts.subject[lang], { date: formatWarsawDate(input.date, lang) }),
    heading: digestTexts.heading[lang],
    paragraphs: [digestTexts.body[lang]],
    list,
    link: input.link,
  });
}
