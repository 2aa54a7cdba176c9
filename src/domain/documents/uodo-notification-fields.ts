/**
 * The notification to UODO (art. 33 RODO) as a flat list of (section, field label in the form's words, value),
 * in the order of UODO's form, sections 1–11: the content of the notification document and of the web app's
 * copy view, where a DPO pastes value after value into the e-form. Art. 33(3) a–d are covered by sections 4–7
 * (nature, categories and numbers), 2E (DPO), 8 (consequences) and 9 (measures); art. 33(1) by 3A (reasons for
 * the delay after 72 hours); art. 33(4) by section 1 (initial, supplementary with UODO's case reference).
 */
import { type BreachCase, latestAssessment, type NotificationEntry } from '../breach-case.ts';
import { breachTypeDefinitions, causeDefinitions, eventKindDefinitions } from '../breach-classification.ts';
import { consequenceDefinitions } from '../consequences.ts';
import { dataCategoryDefinition } from '../data-categories.ts';
import { DomainError } from '../errors.ts';
import type { Lang } from '../language.ts';
import { isLateNotification, supervisoryDeadlineAt } from '../notification-deadline.ts';
import { subjectCategoryDefinition } from '../subject-categories.ts';
import {
  communicationChannelDefinitions,
  communicationDecisionDefinitions,
} from '../subject-communication.ts';
import { type NotificationPhase, notificationPhaseDefinitions } from '../supervisory-notification.ts';
import { formatWarsawDateTime } from '../warsaw-time.ts';
import { buildSubjectLetter, templateRecipient } from './build-subject-letter.ts';
import { documentPlainText } from './document-model.ts';
import {
  approxText,
  calendarDateText,
  commonTexts,
  dateTimeText,
  listOrNone,
  orNotGiven,
  yesNo,
} from './document-texts.ts';
import { type UodoFormFieldId, type UodoFormSection, uodoFormFields, uodoFormSections } from './uodo-form.ts';

export type UodoFormEntry = {
  section: UodoFormSection;
  sectionTitle: string;
  field: UodoFormFieldId;
  label: string;
  value: string;
};

const texts = {
  onTime: {
    pl: 'nie dotyczy — zgłoszenie w ciągu 72 godzin od stwierdzenia naruszenia (termin: {deadline})',
    en: 'not applicable: notified within 72 hours of becoming aware (deadline: {deadline})',
  },
  noDpo: { pl: 'Tak', en: 'Yes' },
  reasonFromEngine: {
    pl: 'Ocena według reguł (zaakceptowana przez IOD): {reasons}',
    en: 'Assessment by the rules (accepted by the DPO): {reasons}',
  },
  notAssessed: { pl: 'ryzyko nie zostało jeszcze ocenione', en: 'the risk has not been assessed yet' },
  plannedUnknown: {
    pl: 'Nie znam jeszcze daty zawiadomienia',
    en: 'The date of the communication is not known yet',
  },
} as const;

export type NotificationContext = {
  phase: NotificationPhase;
  /** When this notification is (or was) sent: the recorded one of this phase, or the document's date. */
  sentAt: Date;
  /** The notification before this one, if any (form 1: "Podaj datę poprzedniego zgłoszenia"). */
  previous: NotificationEntry | null;
  uodoCaseReference: string | null;
  late: boolean;
  lateReason: string | null;
  plannedCompletionDate: string | null;
};

const blank = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '';

/**
 * Which notification this is, and the rules of art. 33 it must satisfy: a supplementary one follows an earlier
 * one and carries UODO's case reference (art. 33(4)); a first notification after 72 hours gives the reasons for
 * the delay (art. 33(1)). Throws the catalogue's error otherwise, so no incomplete notification is produced.
 */
export function notificationContext(
  breach: BreachCase,
  phase: NotificationPhase,
  generatedAt: Date,
): NotificationContext {
  const sorted = [...breach.notifications].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  const recorded = sorted.filter((n) => n.phase === phase).at(-1) ?? null;
  const sentAt = recorded ? new Date(recorded.sentAt) : generatedAt;
  const before = sorted.filter((n) => new Date(n.sentAt).getTime() < sentAt.getTime() && n !== recorded);
  const previous = before.at(-1) ?? null;
  const uodoCaseReference =
    recorded?.uodoCaseReference ??
    [...before].reverse().find((n) => !blank(n.uodoCaseReference))?.uodoCaseReference ??
    null;
  if (phase === 'supplementary') {
    if (!previous) throw new DomainError('notification.phase-order');
    if (blank(uodoCaseReference)) throw new DomainError('notification.case-reference-required');
  }
  const firstSentAt = before[0] ? new Date(before[0].sentAt) : sentAt;
  const awareAt = breach.times.awareAt ? new Date(breach.times.awareAt) : null;
  const late = awareAt !== null && isLateNotification(awareAt, firstSentAt);
  const lateReason = recorded?.lateReason ?? sorted.find((n) => !blank(n.lateReason))?.lateReason ?? null;
  if (late && blank(lateReason)) throw new DomainError('notification.late-reason-required');
  return {
    phase,
    sentAt,
    previous,
    uodoCaseReference,
    late,
    lateReason,
    plannedCompletionDate: recorded?.plannedCompletionDate ?? null,
  };
}

export function uodoNotificationFields(
  breach: BreachCase,
  input: { phase: NotificationPhase; lang: Lang; generatedAt: Date },
): UodoFormEntry[] {
  const { phase, lang } = input;
  const context = notificationContext(breach, phase, input.generatedAt);
  const entries: UodoFormEntry[] = [];
  const add = (field: UodoFormFieldId, value: string): void => {
    const definition = uodoFormFields[field];
    entries.push({
      section: definition.section,
      sectionTitle: uodoFormSections[definition.section][lang],
      field,
      label: definition.label[lang],
      value,
    });
  };
  const given = (value: string | null | undefined) => orNotGiven(value, lang);
  const org = breach.organisation;

  // 1. Typ zgłoszenia
  add('ownReference', breach.reference);
  add('notificationType', notificationPhaseDefinitions.find((d) => d.id === phase)!.label[lang]);
  if (phase === 'initial')
    add('plannedCompletionDate', calendarDateText(context.plannedCompletionDate, lang));
  if (phase === 'supplementary') {
    add('previousNotificationDate', dateTimeText(context.previous?.sentAt, lang));
    add('uodoCaseReference', context.uodoCaseReference ?? '');
  }
  add('otherSupervisoryAuthority', yesNo(!blank(breach.otherSupervisoryAuthority), lang));
  if (!blank(breach.otherSupervisoryAuthority))
    add('otherSupervisoryAuthorityName', breach.otherSupervisoryAuthority!);
  add('otherBodies', yesNo(breach.otherAuthorities !== null, lang));
  if (breach.otherAuthorities) {
    add('otherBodiesNames', breach.otherAuthorities.names);
    add('otherBodiesReference', given(breach.otherAuthorities.reference));
  }

  // 2. Podmiot zgłaszający
  add('controllerName', org.name);
  add('regon', given(org.regon));
  add('nip', given(org.nip));
  add('krs', given(org.krs));
  const sectorKind = {
    public: { pl: 'publiczny', en: 'public' },
    private: { pl: 'prywatny', en: 'private' },
  };
  add('sector', org.sector ? `${sectorKind[org.sector.kind][lang]}: ${org.sector.name}` : given(null));
  const a = org.address;
  add('street', given(a.street));
  add('building', given(a.building));
  add('unit', given(a.unit));
  add('city', given(a.city));
  add('postalCode', given(a.postalCode));
  add('voivodeship', given(a.voivodeship));
  add('county', given(a.county));
  add('commune', given(a.commune));
  add('country', a.country);
  if (org.representatives.length === 0) add('representative', given(null));
  for (const person of org.representatives) add('representative', `${person.name}, ${person.position}`);
  add('proxy', yesNo(false, lang));
  if (org.dpo) {
    add('dpoName', org.dpo.name);
    add('dpoPhone', given(org.dpo.phone));
    add('dpoEmail', given(org.dpo.email));
  } else {
    add('dpoNotAppointed', texts.noDpo[lang]);
    add('contactPoint', given(org.contactPoint));
  }
  if (breach.otherEntities.length === 0) add('otherEntity', commonTexts.none[lang]);
  for (const entity of breach.otherEntities) add('otherEntity', `${entity.nameAndContact}, ${entity.role}`);

  // 3. Czas naruszenia
  add('awareAt', dateTimeText(breach.times.awareAt, lang));
  add('detectionMethod', given(breach.detectionMethod));
  add('processorNotifiedAt', dateTimeText(breach.times.processorNotifiedAt, lang));
  const awareAt = breach.times.awareAt ? new Date(breach.times.awareAt) : null;
  add(
    'lateReason',
    context.late
      ? (context.lateReason ?? '')
      : awareAt
        ? texts.onTime[lang].replace('{deadline}', formatWarsawDateTime(supervisoryDeadlineAt(awareAt), lang))
        : commonTexts.notApplicable[lang],
  );
  add('startedAt', dateTimeText(breach.times.startedAt, lang));
  add('endedAt', dateTimeText(breach.times.endedAt, lang));

  // 4. Charakter naruszenia
  add('description', given(breach.description));
  add(
    'eventKinds',
    listOrNone(
      eventKindDefinitions
        .filter((d) => breach.eventKinds.includes(d.id))
        .map((d) => `${d.letter}) ${d.label[lang]}`),
      lang,
    ),
  );
  if (breach.eventKinds.includes('malware') || breach.malware) {
    add('malwareConfidentiality', given(breach.malware?.confidentialityRuledOut));
    add('malwareRansom', given(breach.malware?.ransomDemand));
    add('malwareBackup', given(breach.malware?.backupAndRestore));
  }
  add('cause', breach.cause ? causeDefinitions.find((d) => d.id === breach.cause)!.label[lang] : given(null));
  add(
    'breachTypes',
    listOrNone(
      breachTypeDefinitions.filter((d) => breach.breachTypes.includes(d.id)).map((d) => d.label[lang]),
      lang,
    ),
  );
  add('children', yesNo(breach.childrenInformationSociety, lang));

  // 5. Liczba osób i wpisów
  add('subjectsApprox', approxText(breach.subjectsApprox, breach.subjectsApproxText, lang));
  add('recordsApprox', approxText(breach.recordsApprox, breach.recordsApproxText, lang));

  // 6. Kategorie danych osobowych (the form asks for categories, never data of specific people)
  const categories = breach.dataCategories.map(dataCategoryDefinition);
  const labels = (section: string) =>
    categories.filter((d) => d.section === section && !d.id.startsWith('other-')).map((d) => d.label[lang]);
  add('basicData', listOrNone(labels('6A'), lang));
  const otherBasic = [
    ...labels('extra'),
    ...(breach.dataCategories.includes('other-basic') ? [given(breach.dataCategoriesOtherText)] : []),
  ];
  if (otherBasic.length > 0) add('basicDataOther', otherBasic.join('; '));
  add('specialData', listOrNone(labels('6B'), lang));
  add('criminalData', listOrNone(labels('6C'), lang));
  if (breach.dataCategories.includes('other-criminal'))
    add('criminalDataOther', given(breach.criminalOtherText));

  // 7. Kategorie osób
  const subjectLabels = [
    ...new Set(
      breach.subjectCategories
        .map((id) => subjectCategoryDefinition(id))
        .map((d) => (lang === 'pl' ? (d.uodoLabel ?? d.label.pl) : d.label.en)),
    ),
  ];
  add('subjectCategories', listOrNone(subjectLabels, lang));
  add('subjectsDescription', given(breach.subjectsDescription));

  // 8. Możliwe konsekwencje
  add(
    'consequences',
    listOrNone(
      consequenceDefinitions
        .filter((d) => breach.consequences.includes(d.id) && d.id !== 'other')
        .map((d) => d.label[lang]),
      lang,
    ),
  );
  if (breach.consequences.includes('other')) add('consequencesOther', given(breach.consequencesOtherText));
  const assessment = latestAssessment(breach);
  add(
    'highRisk',
    assessment ? yesNo(assessment.decision.riskLevel === 'high', lang) : texts.notAssessed[lang],
  );
  add(
    'highRiskReason',
    assessment
      ? blank(assessment.decision.reason)
        ? texts.reasonFromEngine[lang].replace(
            '{reasons}',
            assessment.engine.findings
              // The conclusions tell the DPO what to do; UODO reads only the reasons.
              .filter((f) => !f.code.startsWith('conclusion'))
              .map((f) => f.text[lang])
              .join(' '),
          )
        : assessment.decision.reason!
      : texts.notAssessed[lang],
  );

  // 9. Środki bezpieczeństwa i środki zaradcze
  add('measuresBefore', given(breach.measuresBefore));
  add('measuresPrevent', given(breach.measuresPrevent));
  add('measuresMitigate', given(breach.measuresMitigate));

  // 10. Zawiadomienie osób
  const communication = breach.subjectCommunication;
  const decision = communication?.decision ?? 'not-assessed-yet';
  add('subjectsInformed', communicationDecisionDefinitions.find((d) => d.id === decision)!.label[lang]);
  if (communication && (decision === 'told' || decision === 'will-tell')) {
    if (communication.individually !== null) add('individually', yesNo(communication.individually, lang));
    if (decision === 'told') add('communicationDate', calendarDateText(communication.date, lang));
    else {
      add(
        'plannedCommunicationDate',
        communication.plannedDate
          ? calendarDateText(communication.plannedDate, lang)
          : texts.plannedUnknown[lang],
      );
    }
    add(
      'numberNotified',
      communication.numberNotified === null ? given(null) : String(communication.numberNotified),
    );
    const channels: string[] = communicationChannelDefinitions
      .filter((d) => communication.channels.includes(d.id))
      .map((d) => d.label[lang]);
    if (!blank(communication.channelsText)) channels.push(communication.channelsText!);
    add('communicationChannels', listOrNone(channels, lang));
    add(
      'communicationContent',
      communication.content ?? anonymisedCommunicationText(breach, lang, input.generatedAt),
    );
  }

  // 11. Przetwarzanie transgraniczne
  add('crossBorder', yesNo(breach.crossBorderCountries.length > 0, lang));
  if (breach.crossBorderCountries.length > 0)
    add('crossBorderCountries', breach.crossBorderCountries.join(', '));

  // Seed 003 Załącznik 3: what the organisation's own template adds to the form.
  add('breachDateTime', dateTimeText(breach.times.startedAt, lang));
  add(
    'people',
    listOrNone(
      [
        // The reporter first (seed 003 Załącznik 3 pkt 2), unless anonymous or already among the people.
        ...(breach.report.reporterName && !breach.people.some((p) => p.name === breach.report.reporterName)
          ? [[breach.report.reporterName, breach.report.reporterRole].filter(Boolean).join(', ')]
          : []),
        ...breach.people.map((p) => [p.name, p.role].filter(Boolean).join(', ')),
      ],
      lang,
    ),
  );
  add('location', given(breach.location ?? breach.report.location));
  add('actionsTaken', given(breach.actionsTaken));
  add('initialCauses', given(breach.initialCauses));
  return entries;
}

/** The text of the letter without any person's data: what form 10 asks to paste. */
export function anonymisedCommunicationText(breach: BreachCase, lang: Lang, generatedAt: Date): string {
  const letter = buildSubjectLetter(breach, { lang, generatedAt, version: '', recipient: templateRecipient });
  return documentPlainText({ ...letter, blocks: letter.blocks.filter((b) => b.kind !== 'address') });
}
