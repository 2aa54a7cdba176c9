/**
 * The internal breach report of the procedure, seed 003 Załącznik 1 ("Raport z naruszenia ochrony danych"), which
 * the DPO draws up for every incident (seed 003 §7; accountability, art. 5(2) and 33(5) RODO): date and hour;
 * who reported and who was involved or questioned; location; kind and circumstances; actions taken; initial
 * assessment of causes; investigation and remedial steps; signatures of the employee and the DPO.
 */
import type { BreachCase } from '../breach-case.ts';
import { breachTypeDefinitions, causeDefinitions, eventKindDefinitions } from '../breach-classification.ts';
import type { Localized } from '../language.ts';
import { formatWarsawDate } from '../warsaw-time.ts';
import { type Block, type DocumentModel, type DocumentOptions, text } from './document-model.ts';
import { commonTexts, dateTimeText, documentShell, listOrNone, orNotGiven, t } from './document-texts.ts';

const texts = {
  title: { pl: 'Raport z naruszenia ochrony danych', en: 'Data breach report' },
  basis: {
    pl: 'Załącznik nr 1 do procedury postępowania w przypadku naruszenia ochrony danych osobowych · sygnatura: {reference}',
    en: 'Annex 1 to the breach handling procedure · reference: {reference}',
  },
  p1: { pl: '1. Data i godzina', en: '1. Date and hour' },
  date: { pl: 'Data', en: 'Date' },
  hour: { pl: 'Godzina', en: 'Hour' },
  p2: {
    pl: '2. Osoba powiadamiająca o naruszeniu oraz inne osoby zaangażowane lub odpytane w związku z naruszeniem',
    en: '2. Person who reported the breach and others involved or questioned',
  },
  p3: {
    pl: '3. Lokalizacja zdarzenia (nr pokoju, nazwa pomieszczenia, stanowisko komputerowe, program lub aplikacja)',
    en: '3. Location (room, workstation, program or application)',
  },
  p4: {
    pl: '4. Rodzaj naruszenia i określenie okoliczności towarzyszących naruszeniu',
    en: '4. Kind of breach and its circumstances',
  },
  p5: { pl: '5. Podjęte działania', en: '5. Actions taken' },
  p6: { pl: '6. Wstępna ocena przyczyn wystąpienia naruszenia', en: '6. Initial assessment of the causes' },
  p7: { pl: '7. Postępowanie wyjaśniające i naprawcze', en: '7. Investigation and remedial steps' },
  name: { pl: 'Imię i nazwisko', en: 'Name' },
  role: { pl: 'Stanowisko służbowe', en: 'Position' },
  involvement: { pl: 'Udział', en: 'Involvement' },
  otherTimes: { pl: 'Pozostałe daty', en: 'Other times' },
  detected: { pl: 'Wykrycie zdarzenia', en: 'Detected' },
  reported: { pl: 'Zgłoszenie wewnętrzne', en: 'Reported internally' },
  aware: { pl: 'Stwierdzenie naruszenia (początek 72 godzin)', en: 'Became aware (72 hours start)' },
  ended: { pl: 'Zakończenie naruszenia', en: 'Breach ended' },
  kind: { pl: 'Rodzaj naruszenia', en: 'Kind of breach' },
  event: { pl: 'Na czym polegało', en: 'What happened' },
  circumstances: { pl: 'Okoliczności', en: 'Circumstances' },
  reporterWords: { pl: 'Relacja zgłaszającego', en: "Reporter's account" },
  cause: { pl: 'Przyczyna', en: 'Cause' },
  actionsPlanned: { pl: 'Działania korygujące i zapobiegawcze', en: 'Corrective and preventive actions' },
  employee: { pl: '(podpis pracownika)', en: "(employee's signature)" },
  dpo: { pl: '(data i podpis Inspektora ochrony danych)', en: '(date and signature of the DPO)' },
} as const satisfies Record<string, Localized>;

const involvementLabels: Record<string, Localized> = {
  reporter: { pl: 'zgłaszający', en: 'reporter' },
  involved: { pl: 'zaangażowany', en: 'involved' },
  questioned: { pl: 'odpytany', en: 'questioned' },
  witness: { pl: 'świadek', en: 'witness' },
};

const actionKindLabels: Record<string, Localized> = {
  corrective: { pl: 'korygujące', en: 'corrective' },
  preventive: { pl: 'zapobiegawcze', en: 'preventive' },
};

export function buildInternalReport(breach: BreachCase, options: DocumentOptions): DocumentModel {
  const { lang } = options;
  const times = breach.times;
  const when = times.startedAt ?? times.detectedAt;
  const whenDate = when ? new Date(when) : null;
  const given = (value: string | null | undefined) => orNotGiven(value, lang);

  const people = [...breach.people];
  if (people.length === 0 && breach.report.reporterName) {
    people.push({
      name: breach.report.reporterName,
      role: breach.report.reporterRole,
      involvement: 'reporter',
    });
  }

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t(texts.title, lang) },
    { kind: 'paragraph', text: t(texts.basis, lang, { reference: breach.reference }), tone: 'muted' },
    { kind: 'heading', level: 2, text: t(texts.p1, lang) },
    {
      kind: 'fields',
      fields: [
        { label: t(texts.date, lang), value: whenDate ? formatWarsawDate(whenDate, lang) : given(null) },
        {
          label: t(texts.hour, lang),
          value: whenDate ? dateTimeText(when, lang).split(' ')[1]! : given(null),
        },
        { label: t(texts.detected, lang), value: dateTimeText(times.detectedAt, lang) },
        { label: t(texts.reported, lang), value: dateTimeText(times.reportedAt, lang) },
        { label: t(texts.aware, lang), value: dateTimeText(times.awareAt, lang) },
        { label: t(texts.ended, lang), value: dateTimeText(times.endedAt, lang) },
      ],
    },
    { kind: 'heading', level: 2, text: t(texts.p2, lang) },
    people.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: t(texts.name, lang), width: 3 },
            { header: t(texts.role, lang), width: 3 },
            { header: t(texts.involvement, lang), width: 2 },
          ],
          rows: people.map((p) => [
            text(p.name),
            text(p.role ?? commonTexts.notGiven[lang]),
            text(involvementLabels[p.involvement]![lang]),
          ]),
        }
      : { kind: 'paragraph', text: given(null) },
    { kind: 'heading', level: 2, text: t(texts.p3, lang) },
    { kind: 'paragraph', text: given(breach.location ?? breach.report.location) },
    { kind: 'heading', level: 2, text: t(texts.p4, lang) },
    {
      kind: 'fields',
      fields: [
        {
          label: t(texts.kind, lang),
          value: listOrNone(
            breachTypeDefinitions.filter((d) => breach.breachTypes.includes(d.id)).map((d) => d.label[lang]),
            lang,
          ),
        },
        {
          label: t(texts.event, lang),
          value: listOrNone(
            eventKindDefinitions.filter((d) => breach.eventKinds.includes(d.id)).map((d) => d.label[lang]),
            lang,
          ),
        },
        { label: t(texts.circumstances, lang), value: given(breach.description) },
        ...(breach.report.whatHappened
          ? [{ label: t(texts.reporterWords, lang), value: breach.report.whatHappened }]
          : []),
      ],
    },
    { kind: 'heading', level: 2, text: t(texts.p5, lang) },
    { kind: 'paragraph', text: given(breach.actionsTaken) },
    { kind: 'heading', level: 2, text: t(texts.p6, lang) },
    {
      kind: 'paragraph',
      text: [
        breach.cause
          ? `${t(texts.cause, lang)}: ${causeDefinitions.find((d) => d.id === breach.cause)!.label[lang]}.`
          : '',
        given(breach.initialCauses),
      ]
        .filter(Boolean)
        .join(' '),
    },
    { kind: 'heading', level: 2, text: t(texts.p7, lang) },
    { kind: 'paragraph', text: given(breach.investigation) },
  ];
  if (breach.actions.length > 0) {
    blocks.push({ kind: 'paragraph', text: `${t(texts.actionsPlanned, lang)}:`, tone: 'strong' });
    blocks.push({
      kind: 'bullets',
      items: breach.actions.map(
        (action) => `${action.description} (${actionKindLabels[action.kind]![lang]})`,
      ),
    });
  }
  blocks.push({ kind: 'signatures', captions: [t(texts.employee, lang), t(texts.dpo, lang)] });
  return documentShell({ kind: 'internal-report', breach, title: t(texts.title, lang), options, blocks });
}
