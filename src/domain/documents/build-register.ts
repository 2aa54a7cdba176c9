/**
 * The register of breaches (art. 33(5) RODO: every breach, notified or not, with its circumstances, effects and
 * remedial action, so UODO can verify compliance) in the columns of seed 003 Załącznik 2 ("Rejestr incydentów
 * bezpieczeństwa i działań korygujących i zapobiegawczych": description, corrective/preventive action, end date,
 * closed?, assessment of effectiveness), with the risk assessment, its reason and the notification decisions and
 * times. One row per corrective or preventive action; the breach's columns repeat so a filter keeps whole rows.
 */
import { type BreachCase, latestAssessment } from '../breach-case.ts';
import { breachTypeDefinitions } from '../breach-classification.ts';
import { consequenceDefinitions } from '../consequences.ts';
import { dataCategoryDefinition } from '../data-categories.ts';
import type { Lang, Localized } from '../language.ts';
import type { RiskLevel } from '../risk-rules.ts';
import { communicationDecisionDefinitions } from '../subject-communication.ts';
import {
  type Cell,
  type DocumentModel,
  type DocumentOptions,
  date,
  num,
  type TableColumn,
  text,
} from './document-model.ts';
import { commonTexts, documentShell, t } from './document-texts.ts';

const texts = {
  title: {
    pl: 'Rejestr naruszeń ochrony danych osobowych oraz działań korygujących i zapobiegawczych',
    en: 'Register of personal data breaches and of corrective and preventive actions',
  },
  basis: {
    pl: 'art. 33 ust. 5 RODO; Załącznik nr 2 do procedury. Stan na {date}. Liczba naruszeń: {count}.',
    en: 'GDPR art. 33(5); Annex 2 of the procedure. As of {date}. Breaches: {count}.',
  },
  notAssessed: { pl: 'nie oceniono', en: 'not assessed' },
  notifyNotRequired: { pl: 'Nie — niewymagane (decyzja IOD)', en: 'No — not required (DPO decision)' },
  notifyPending: { pl: 'Nie — jeszcze nie zgłoszono', en: 'No — not yet notified' },
  corrective: { pl: 'korygujące', en: 'corrective' },
  preventive: { pl: 'zapobiegawcze', en: 'preventive' },
  effective: { pl: 'skuteczne', en: 'effective' },
  ineffective: { pl: 'nieskuteczne', en: 'not effective' },
} as const satisfies Record<string, Localized>;

/** Column headers, seed 003 Załącznik 2 words where it has them. */
export const registerColumns = {
  number: { label: { pl: 'Lp.', en: 'No.' }, width: 1.3 },
  reference: { label: { pl: 'Sygnatura', en: 'Reference' }, width: 2 },
  description: { label: { pl: 'Opis incydentu', en: 'Description of the incident' }, width: 6 },
  awareAt: { label: { pl: 'Data stwierdzenia naruszenia', en: 'Became aware' }, width: 2 },
  types: { label: { pl: 'Rodzaj naruszenia', en: 'Type of breach' }, width: 2 },
  data: { label: { pl: 'Kategorie danych', en: 'Categories of data' }, width: 3 },
  subjects: { label: { pl: 'Liczba osób', en: 'Number of people' }, width: 1.6 },
  effects: { label: { pl: 'Skutki naruszenia', en: 'Effects of the breach' }, width: 3 },
  risk: { label: { pl: 'Ocena ryzyka', en: 'Risk assessment' }, width: 2 },
  reason: { label: { pl: 'Uzasadnienie oceny', en: 'Reasons of the assessment' }, width: 5 },
  uodo: { label: { pl: 'Zgłoszenie do UODO', en: 'Notified to UODO' }, width: 2 },
  uodoAt: { label: { pl: 'Data zgłoszenia do UODO', en: 'Date notified to UODO' }, width: 2 },
  subjectsTold: { label: { pl: 'Zawiadomienie osób', en: 'Data subjects informed' }, width: 2 },
  subjectsToldAt: { label: { pl: 'Data zawiadomienia osób', en: 'Date data subjects informed' }, width: 2 },
  action: {
    label: { pl: 'Działanie korygujące / zapobiegawcze', en: 'Corrective / preventive action' },
    width: 5,
  },
  endedAt: { label: { pl: 'Data zakończenia', en: 'End date' }, width: 2 },
  closed: { label: { pl: 'Czy koniec?', en: 'Closed?' }, width: 1.5 },
  effectiveness: { label: { pl: 'Ocena skuteczności', en: 'Assessment of effectiveness' }, width: 4 },
} as const satisfies Record<string, { label: Localized; width: number }>;

export type RegisterColumn = keyof typeof registerColumns;

const riskShort: Record<RiskLevel, Localized> = {
  unlikely: { pl: 'ryzyko mało prawdopodobne', en: 'risk unlikely' },
  risk: { pl: 'ryzyko', en: 'risk' },
  high: { pl: 'wysokie ryzyko', en: 'high risk' },
};

function breachCells(
  breach: BreachCase,
  lang: Lang,
): Omit<Record<RegisterColumn, Cell>, 'number' | 'action' | 'endedAt' | 'closed' | 'effectiveness'> {
  const assessment = latestAssessment(breach);
  const firstNotification = [...breach.notifications].sort((a, b) => a.sentAt.localeCompare(b.sentAt))[0];
  const uodo = firstNotification
    ? commonTexts.yes[lang]
    : assessment && !assessment.decision.notifySupervisoryAuthority
      ? texts.notifyNotRequired[lang]
      : texts.notifyPending[lang];
  const communication = breach.subjectCommunication;
  const toldAt = communication?.date ?? breach.times.subjectsNotifiedAt;
  const effects: string[] = consequenceDefinitions
    .filter((d) => breach.consequences.includes(d.id) && d.id !== 'other')
    .map((d) => d.label[lang]);
  if (breach.consequencesOtherText) effects.push(breach.consequencesOtherText);
  return {
    reference: text(breach.reference),
    description: text([breach.title, breach.description].filter(Boolean).join(' — ')),
    awareAt: date(breach.times.awareAt ? new Date(breach.times.awareAt) : null, true),
    types: text(
      breachTypeDefinitions
        .filter((d) => breach.breachTypes.includes(d.id))
        .map((d) => d.label[lang])
        .join('; '),
    ),
    data: text(breach.dataCategories.map((c) => dataCategoryDefinition(c).label[lang]).join('; ')),
    subjects: num(breach.subjectsApprox),
    effects: text(effects.join('; ')),
    risk: text(assessment ? riskShort[assessment.decision.riskLevel][lang] : texts.notAssessed[lang]),
    reason: text(
      assessment
        ? (assessment.decision.reason ?? assessment.engine.findings.map((f) => f.text[lang]).join(' '))
        : texts.notAssessed[lang],
    ),
    uodo: text(uodo),
    uodoAt: date(firstNotification ? new Date(firstNotification.sentAt) : null, true),
    subjectsTold: text(
      communication
        ? communicationDecisionDefinitions.find((d) => d.id === communication.decision)!.label[lang]
        : texts.notAssessed[lang],
    ),
    subjectsToldAt: date(toldAt ? new Date(toldAt) : null),
  };
}

export function buildRegister(breaches: readonly BreachCase[], options: DocumentOptions): DocumentModel {
  const { lang } = options;
  const first = breaches[0];
  if (!first) throw new RangeError('The register needs at least one breach.');
  const order = Object.keys(registerColumns) as RegisterColumn[];
  const columns: TableColumn[] = order.map((key) => ({
    header: registerColumns[key].label[lang],
    width: registerColumns[key].width,
  }));
  const rows: Cell[][] = [];
  const sorted = [...breaches].sort((a, b) =>
    (a.times.awareAt ?? a.createdAt).localeCompare(b.times.awareAt ?? b.createdAt),
  );
  sorted.forEach((breach, index) => {
    const shared = breachCells(breach, lang);
    const actions = breach.actions.length > 0 ? breach.actions : [null];
    for (const action of actions) {
      const row: Record<RegisterColumn, Cell> = {
        number: num(index + 1),
        ...shared,
        action: action ? text(`${action.description} (${texts[action.kind][lang]})`) : text(null),
        endedAt: date(action?.completedAt ? new Date(action.completedAt) : null),
        closed: text(
          action
            ? (action.status === 'done' || action.status === 'cancelled' ? commonTexts.yes : commonTexts.no)[
                lang
              ]
            : breach.status === 'closed'
              ? commonTexts.yes[lang]
              : commonTexts.no[lang],
        ),
        effectiveness: text(
          action
            ? [
                action.effective === null
                  ? ''
                  : (action.effective ? texts.effective : texts.ineffective)[lang],
                action.effectiveness ?? '',
              ]
                .filter(Boolean)
                .join(': ')
            : null,
        ),
      };
      rows.push(order.map((key) => row[key]));
    }
  });
  return documentShell({
    kind: 'register',
    breach: first,
    title: t(texts.title, lang),
    options,
    orientation: 'landscape',
    blocks: [
      { kind: 'heading', level: 1, text: t(texts.title, lang) },
      {
        kind: 'paragraph',
        text: t(texts.basis, lang, {
          date: new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
            timeZone: 'Europe/Warsaw',
          }).format(options.generatedAt),
          count: breaches.length,
        }),
        tone: 'muted',
      },
      { kind: 'table', columns, rows },
    ],
  });
}
