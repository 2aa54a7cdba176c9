/**
 * The record of every risk assessment of a breach: the facts, the rules' decision with its reasons, the advisory
 * ENISA figure, and the DPO's decision with its reason, who and when. This is the proof of accountability UODO asks
 * for (art. 5(2), art. 24 and 33(5) RODO; seed 002: an undocumented "low risk" is the mistake UODO fines). Each
 * record is re-evaluated by today's rules, so a change of rules since the decision is visible, not hidden.
 */
import { evaluateRisk } from '../assess-breach.ts';
import type { AssessmentEntry, BreachCase } from '../breach-case.ts';
import { breachTypeDefinitions } from '../breach-classification.ts';
import type { BreachFacts } from '../breach-facts.ts';
import type { Lang, Localized } from '../language.ts';
import { assessCategoryLabels } from '../risk-rules.ts';
import type { Block, DocumentModel, DocumentOptions, Field } from './document-model.ts';
import { commonTexts, dateTimeText, documentShell, riskLevelLabels, t, yesNo } from './document-texts.ts';

const texts = {
  title: { pl: 'Dokumentacja oceny ryzyka naruszenia', en: 'Record of the breach risk assessment' },
  basis: {
    pl: 'art. 5 ust. 2, art. 33 ust. 5 i art. 34 RODO · sygnatura: {reference} · {case}',
    en: 'GDPR art. 5(2), 33(5) and 34 · reference: {reference} · {case}',
  },
  none: {
    pl: 'Dla tego naruszenia nie zapisano jeszcze oceny ryzyka.',
    en: 'No risk assessment has been recorded for this breach yet.',
  },
  assessment: { pl: 'Ocena nr {n} z {date}', en: 'Assessment no. {n} of {date}' },
  who: { pl: 'Decyzję podjął(-ęła)', en: 'Decided by' },
  when: { pl: 'Data i godzina decyzji', en: 'Date and time of the decision' },
  facts: { pl: 'Fakty przyjęte do oceny', en: 'Facts assessed' },
  engine: { pl: 'Ocena według reguł', en: 'Assessment by the rules' },
  reasons: { pl: 'Uzasadnienie reguł:', en: 'Reasons given by the rules:' },
  enisa: { pl: 'Wskaźnik ENISA 2013 (wyłącznie pomocniczo)', en: 'ENISA 2013 figure (advisory only)' },
  enisaNote: {
    pl: 'SE = DPC × EI + CB według metodyki ENISA z 2013 r.; wartość pomocnicza, pokazywana obok decyzji — nie jest podstawą decyzji.',
    en: 'SE = DPC × EI + CB by the ENISA 2013 methodology; an advisory figure shown beside the decision, not its basis.',
  },
  dpo: { pl: 'Decyzja inspektora ochrony danych', en: "The DPO's decision" },
  riskLevel: { pl: 'Poziom ryzyka', en: 'Risk level' },
  notifyUodo: { pl: 'Zgłoszenie do Prezesa UODO (art. 33)', en: 'Notify UODO (art. 33)' },
  notifySubjects: { pl: 'Zawiadomienie osób (art. 34)', en: 'Inform the data subjects (art. 34)' },
  publicCommunication: {
    pl: 'Komunikat publiczny zamiast zawiadomień (art. 34 ust. 3 lit. c)',
    en: 'Public communication instead of letters (art. 34(3)(c))',
  },
  exemptions: { pl: 'Wyłączenia z art. 34 ust. 3', en: 'Exemptions of art. 34(3)' },
  departs: { pl: 'Odstępstwo od oceny reguł', en: 'Departs from the rules' },
  reason: { pl: 'Uzasadnienie decyzji IOD', en: "The DPO's reasons" },
  reasonAccepted: {
    pl: 'IOD przyjął(-ęła) ocenę reguł; uzasadnienie jak wyżej.',
    en: "The DPO accepted the rules' assessment; reasons as above.",
  },
  score: { pl: 'Wynik SE i poziom', en: 'SE score and level' },
  reevaluated: {
    pl: 'Uwaga: obecne reguły oceniają te same fakty inaczej ({level}). Decyzję podjęto według reguł obowiązujących w dniu oceny.',
    en: 'Note: the current rules assess the same facts differently ({level}). The decision followed the rules in force on the day.',
  },
  signature: { pl: '(data i podpis Inspektora ochrony danych)', en: '(date and signature of the DPO)' },
} as const satisfies Record<string, Localized>;

const exemptionLabels: Record<string, Localized> = {
  'art-34-3-a': {
    pl: 'art. 34 ust. 3 lit. a — dane zabezpieczone (np. szyfrowanie)',
    en: 'art. 34(3)(a) — data protected (e.g. encryption)',
  },
  'art-34-3-b': {
    pl: 'art. 34 ust. 3 lit. b — późniejsze środki wyeliminowały wysokie ryzyko',
    en: 'art. 34(3)(b) — later measures removed the high risk',
  },
  'art-34-3-c': {
    pl: 'art. 34 ust. 3 lit. c — niewspółmiernie duży wysiłek, komunikat publiczny',
    en: 'art. 34(3)(c) — disproportionate effort, public communication',
  },
};

const enisaLevels: Record<string, Localized> = {
  low: { pl: 'niski', en: 'low' },
  medium: { pl: 'średni', en: 'medium' },
  high: { pl: 'wysoki', en: 'high' },
  'very-high': { pl: 'bardzo wysoki', en: 'very high' },
};

const factLabels = {
  breachTypes: { pl: 'Charakter naruszenia', en: 'Type of breach' },
  dataCategories: { pl: 'Kategorie danych', en: 'Categories of data' },
  subjectsApprox: { pl: 'Przybliżona liczba osób', en: 'Approximate number of people' },
  recordsApprox: { pl: 'Przybliżona liczba wpisów', en: 'Approximate number of records' },
  vulnerableSubjects: { pl: 'Osoby szczególnie narażone', en: 'Vulnerable people' },
  encrypted: { pl: 'Dane zaszyfrowane', en: 'Data encrypted' },
  keyCompromised: { pl: 'Klucz ujawniony', en: 'Key compromised' },
  backupAvailable: { pl: 'Kopia zapasowa dostępna', en: 'Backup available' },
  dataRecovered: { pl: 'Dane odzyskane', en: 'Data recovered' },
  malicious: { pl: 'Działanie umyślne (złośliwe)', en: 'Malicious intent' },
  recipientTrusted: {
    pl: 'Zaufany odbiorca (potwierdził usunięcie)',
    en: 'Trusted recipient (confirmed deletion)',
  },
  unavailabilityHours: { pl: 'Niedostępność danych (godziny)', en: 'Unavailability (hours)' },
  disproportionateEffort: {
    pl: 'Indywidualne zawiadomienia wymagałyby niewspółmiernie dużego wysiłku',
    en: 'Individual letters would involve disproportionate effort',
  },
} as const satisfies Record<string, Localized>;

function factFields(facts: BreachFacts, lang: Lang): Field[] {
  const flag = (value: boolean | null) => (value === null ? commonTexts.unknown[lang] : yesNo(value, lang));
  const amount = (value: number | null) =>
    value === null ? commonTexts.unknown[lang] : value.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB');
  const label = (key: keyof typeof factLabels) => factLabels[key][lang];
  return [
    {
      label: label('breachTypes'),
      value: breachTypeDefinitions
        .filter((d) => facts.breachTypes.includes(d.id))
        .map((d) => d.label[lang])
        .join('; '),
    },
    {
      label: label('dataCategories'),
      value:
        facts.dataCategories.map((c) => assessCategoryLabels[c][lang]).join('; ') || commonTexts.none[lang],
    },
    { label: label('subjectsApprox'), value: amount(facts.subjectsApprox) },
    { label: label('recordsApprox'), value: amount(facts.recordsApprox) },
    { label: label('vulnerableSubjects'), value: yesNo(facts.vulnerableSubjects, lang) },
    { label: label('encrypted'), value: flag(facts.encrypted) },
    { label: label('keyCompromised'), value: flag(facts.keyCompromised) },
    { label: label('backupAvailable'), value: flag(facts.backupAvailable) },
    { label: label('dataRecovered'), value: flag(facts.dataRecovered) },
    { label: label('malicious'), value: yesNo(facts.malicious, lang) },
    { label: label('recipientTrusted'), value: flag(facts.recipientTrusted) },
    { label: label('unavailabilityHours'), value: amount(facts.unavailabilityHours) },
    { label: label('disproportionateEffort'), value: flag(facts.disproportionateEffort) },
  ];
}

function exemptionsText(exemptions: readonly string[], lang: Lang): string {
  return exemptions.length > 0
    ? exemptions.map((e) => exemptionLabels[e]?.[lang] ?? e).join('; ')
    : commonTexts.none[lang];
}

function assessmentBlocks(entry: AssessmentEntry, n: number, lang: Lang): Block[] {
  const { engine, decision } = entry;
  const current = evaluateRisk(entry.facts);
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      text: t(texts.assessment, lang, { n, date: dateTimeText(entry.decidedAt, lang) }),
    },
    {
      kind: 'fields',
      fields: [
        { label: t(texts.who, lang), value: entry.decidedBy },
        { label: t(texts.when, lang), value: dateTimeText(entry.decidedAt, lang) },
      ],
    },
    { kind: 'heading', level: 3, text: t(texts.facts, lang) },
    { kind: 'fields', fields: factFields(entry.facts, lang) },
    { kind: 'heading', level: 3, text: t(texts.engine, lang) },
    {
      kind: 'fields',
      fields: [
        { label: t(texts.riskLevel, lang), value: riskLevelLabels[engine.riskLevel][lang] },
        { label: t(texts.notifyUodo, lang), value: yesNo(engine.notifySupervisoryAuthority, lang) },
        { label: t(texts.notifySubjects, lang), value: yesNo(engine.notifyDataSubjects, lang) },
        { label: t(texts.publicCommunication, lang), value: yesNo(engine.publicCommunication, lang) },
        { label: t(texts.exemptions, lang), value: exemptionsText(engine.exemptions, lang) },
      ],
    },
    { kind: 'paragraph', text: t(texts.reasons, lang), tone: 'strong' },
    { kind: 'bullets', items: engine.findings.map((f) => f.text[lang]) },
    { kind: 'heading', level: 3, text: t(texts.enisa, lang) },
    {
      kind: 'fields',
      fields: [
        {
          label: t(texts.score, lang),
          value: `${engine.severity.score.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB')} (${enisaLevels[engine.severity.level]![lang]})`,
        },
        { label: 'DPC', value: engine.severity.dpc.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB') },
        { label: 'EI', value: engine.severity.ei.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB') },
        { label: 'CB', value: engine.severity.cb.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB') },
      ],
    },
    { kind: 'paragraph', text: t(texts.enisaNote, lang), tone: 'muted' },
    { kind: 'heading', level: 3, text: t(texts.dpo, lang) },
    {
      kind: 'fields',
      fields: [
        { label: t(texts.riskLevel, lang), value: riskLevelLabels[decision.riskLevel][lang] },
        { label: t(texts.notifyUodo, lang), value: yesNo(decision.notifySupervisoryAuthority, lang) },
        { label: t(texts.notifySubjects, lang), value: yesNo(decision.notifyDataSubjects, lang) },
        { label: t(texts.exemptions, lang), value: exemptionsText(decision.exemptions, lang) },
        { label: t(texts.departs, lang), value: yesNo(entry.departsFromEngine, lang) },
        {
          label: t(texts.reason, lang),
          value:
            decision.reason && decision.reason.trim() !== ''
              ? decision.reason
              : t(texts.reasonAccepted, lang),
        },
      ],
    },
  ];
  if (current.riskLevel !== engine.riskLevel) {
    blocks.push({
      kind: 'paragraph',
      text: t(texts.reevaluated, lang, { level: riskLevelLabels[current.riskLevel][lang] }),
      tone: 'strong',
    });
  }
  return blocks;
}

export function buildAssessmentRecord(breach: BreachCase, options: DocumentOptions): DocumentModel {
  const { lang } = options;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t(texts.title, lang) },
    {
      kind: 'paragraph',
      text: t(texts.basis, lang, { reference: breach.reference, case: breach.title }),
      tone: 'muted',
    },
  ];
  if (breach.assessments.length === 0) blocks.push({ kind: 'paragraph', text: t(texts.none, lang) });
  breach.assessments.forEach((entry, index) => {
    blocks.push(...assessmentBlocks(entry, index + 1, lang));
  });
  blocks.push({ kind: 'signatures', captions: [t(texts.signature, lang)] });
  return documentShell({ kind: 'assessment-record', breach, title: t(texts.title, lang), options, blocks });
}
