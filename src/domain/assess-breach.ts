/**
 * The risk engine: breach facts in, a decision with its reasons out. GDPR art. 33(1) (notify UODO unless the
 * breach is unlikely to result in a risk), art. 34(1) and 34(3) (communicate a high risk to the people, unless an
 * exemption applies), art. 33(5) (every breach is registered). Rule-based and explained in words, as UODO expects;
 * the rules are the data of risk-rules.ts.
 */
import type { AssessCategory } from './assess-categories.ts';
import type { BreachFacts } from './breach-facts.ts';
import { type EnisaSeverity, enisaSeverity } from './enisa-severity.ts';
import { interpolate, type Lang, type Localized } from './language.ts';
import {
  assessCategoryLabels,
  confidentialityCombinations,
  confidentialityPresumptions,
  type LevelIndex,
  type RiskLevel,
  type RiskTextCode,
  riskLevels,
  riskTexts,
  riskThresholds,
} from './risk-rules.ts';

export const exemptionCodes = ['art-34-3-a', 'art-34-3-b', 'art-34-3-c'] as const;
export type Exemption = (typeof exemptionCodes)[number];

export type RiskFinding = { code: RiskTextCode; text: Localized };

/** The engine's verdict independent of language: the web app shows it in either language. */
export type RiskEvaluation = {
  riskLevel: RiskLevel;
  notifySupervisoryAuthority: boolean;
  notifyDataSubjects: boolean;
  publicCommunication: boolean;
  exemptions: Exemption[];
  severity: EnisaSeverity;
  findings: RiskFinding[];
};

/** The decision of the `assess` contract. */
export type AssessmentDecision = {
  id?: string;
  riskLevel: RiskLevel;
  notifySupervisoryAuthority: boolean;
  notifyDataSubjects: boolean;
  /** Extension of the contract: a public communication replaces the letters (art. 34(3)(c)). */
  publicCommunication: boolean;
  severity: EnisaSeverity;
  exemptions: Exemption[];
  reasons: string[];
};

type Options = { encryption: boolean; containment: boolean };
const allMitigations: Options = { encryption: true, containment: true };

const clamp = (level: number): LevelIndex => Math.max(0, Math.min(2, level)) as LevelIndex;

function fill(text: Localized, params: Record<string, string | number>): Localized {
  return { pl: interpolate(text.pl, params), en: interpolate(text.en, params) };
}

function listCategories(categories: readonly AssessCategory[]): Localized {
  return {
    pl: categories.map((c) => assessCategoryLabels[c].pl).join(', '),
    en: categories.map((c) => assessCategoryLabels[c].en).join(', '),
  };
}

/** The facts that raise every kind of risk by one step each. */
function raises(facts: BreachFacts) {
  const largeScale =
    facts.subjectsApprox === null || facts.subjectsApprox >= riskThresholds.largeScaleSubjects;
  return {
    vulnerable: facts.vulnerableSubjects ? 1 : 0,
    malicious: facts.malicious ? 1 : 0,
    volume: largeScale ? 1 : 0,
  };
}

const isEncryptedSafe = (facts: BreachFacts) => facts.encrypted === true && facts.keyCompromised === false;
const isContained = (facts: BreachFacts) =>
  (facts.recipientTrusted === true && !facts.malicious) || facts.dataRecovered === true;

function confidentialityLevel(facts: BreachFacts, options: Options): LevelIndex {
  if (options.encryption && isEncryptedSafe(facts)) return 0;
  const categories = facts.dataCategories;
  let base: number =
    categories.length === 0 ? 1 : Math.max(...categories.map((c) => confidentialityPresumptions[c].level));
  for (const combination of confidentialityCombinations) {
    if (combination.all.every((c) => categories.includes(c))) base = Math.max(base, combination.level);
  }
  const r = raises(facts);
  let level = clamp(base + r.vulnerable + r.malicious + r.volume);
  if (options.containment && isContained(facts)) level = clamp(level - 1);
  return level;
}

function integrityLevel(facts: BreachFacts): LevelIndex {
  const r = raises(facts);
  const health = facts.dataCategories.includes('health') ? 1 : 0;
  const level = clamp(1 + health + r.vulnerable + r.malicious + r.volume);
  return facts.backupAvailable === true ? clamp(level - 1) : level;
}

function isQuickRestore(facts: BreachFacts): boolean {
  return (
    facts.backupAvailable === true &&
    facts.unavailabilityHours !== null &&
    facts.unavailabilityHours <= riskThresholds.quickRestoreHours
  );
}

function availabilityLevel(facts: BreachFacts): LevelIndex {
  // With an intentional act (ransomware) a leak cannot be ruled out from these facts: at least risk (UODO form 4C a).
  if (isQuickRestore(facts)) return facts.malicious ? 1 : 0;
  const r = raises(facts);
  const health = facts.dataCategories.includes('health') ? 1 : 0;
  return clamp(1 + health + r.vulnerable + r.volume);
}

function overallLevel(facts: BreachFacts, options: Options): LevelIndex {
  const types = new Set(facts.breachTypes);
  let level: LevelIndex = 0;
  if (types.has('confidentiality'))
    level = Math.max(level, confidentialityLevel(facts, options)) as LevelIndex;
  if (types.has('integrity')) level = Math.max(level, integrityLevel(facts)) as LevelIndex;
  if (types.has('availability')) level = Math.max(level, availabilityLevel(facts)) as LevelIndex;
  return level;
}

/** The sentences that explain the level, in the order a DPO reads them: data, circumstances, mitigations. */
function explain(facts: BreachFacts): RiskFinding[] {
  const findings: RiskFinding[] = [];
  const say = (code: RiskTextCode, text: Localized) => findings.push({ code, text });
  const types = new Set(facts.breachTypes);
  const categories = facts.dataCategories;
  const r = raises(facts);

  if (types.has('confidentiality')) {
    if (categories.length === 0) say('categoriesUnknown', riskTexts.categoriesUnknown);
    for (const category of categories) {
      const reason = confidentialityPresumptions[category].reason;
      if (reason) say(`presumption:${category}`, reason);
    }
    for (const combination of confidentialityCombinations) {
      if (combination.all.every((c) => categories.includes(c))) say('combination', combination.reason);
    }
    const ordinary = categories.filter((c) => confidentialityPresumptions[c].reason === null);
    if (ordinary.length > 0 && ordinary.length === categories.length) {
      const list = listCategories(ordinary);
      say('ordinaryDisclosure', {
        pl: interpolate(riskTexts.ordinaryDisclosure.pl, { categories: list.pl }),
        en: interpolate(riskTexts.ordinaryDisclosure.en, { categories: list.en }),
      });
    }
  }
  if (types.has('integrity')) {
    say('integrityBase', riskTexts.integrityBase);
    if (categories.includes('health')) say('integrityHealth', riskTexts.integrityHealth);
  }
  if (types.has('availability')) {
    const threshold = riskThresholds.quickRestoreHours;
    if (isQuickRestore(facts)) {
      say(
        'availabilityQuick',
        fill(riskTexts.availabilityQuick, { hours: facts.unavailabilityHours ?? 0, threshold }),
      );
    } else {
      const duration =
        facts.backupAvailable !== true
          ? riskTexts.durationNoBackup
          : facts.unavailabilityHours === null
            ? riskTexts.durationUnknown
            : fill(riskTexts.durationLong, { threshold });
      say('availabilityLasting', {
        pl: interpolate(riskTexts.availabilityLasting.pl, { duration: duration.pl }),
        en: interpolate(riskTexts.availabilityLasting.en, { duration: duration.en }),
      });
      if (categories.includes('health')) say('availabilityHealth', riskTexts.availabilityHealth);
    }
    if (facts.malicious && !types.has('confidentiality')) {
      say('availabilityMaliciousNote', riskTexts.availabilityMaliciousNote);
    }
  }

  // The raises apply to disclosure, alteration and lasting unavailability, not to a quick restore.
  const raisesApply =
    types.has('confidentiality') ||
    types.has('integrity') ||
    (types.has('availability') && !isQuickRestore(facts));
  if (r.vulnerable && raisesApply) say('vulnerable', riskTexts.vulnerable);
  if (r.malicious && (types.has('confidentiality') || types.has('integrity')))
    say('malicious', riskTexts.malicious);
  if (facts.subjectsApprox === null && raisesApply) say('subjectsUnknown', riskTexts.subjectsUnknown);
  else if (facts.subjectsApprox !== null && r.volume && raisesApply) {
    say(
      'largeScale',
      fill(riskTexts.largeScale, {
        subjects: facts.subjectsApprox,
        threshold: riskThresholds.largeScaleSubjects,
      }),
    );
  }

  if (types.has('confidentiality')) {
    if (isEncryptedSafe(facts)) say('encryptedSafe', riskTexts.encryptedSafe);
    else {
      if (facts.encrypted === true && facts.keyCompromised === null)
        say('encryptedKeyUnknown', riskTexts.encryptedKeyUnknown);
      if (facts.encrypted === true && facts.keyCompromised === true) {
        say('encryptedKeyCompromised', riskTexts.encryptedKeyCompromised);
      }
      if (facts.recipientTrusted === true && facts.malicious) {
        say('recipientTrustedButMalicious', riskTexts.recipientTrustedButMalicious);
      }
      if (facts.dataRecovered === true) say('dataRecovered', riskTexts.dataRecovered);
      else if (facts.recipientTrusted === true && !facts.malicious)
        say('recipientTrusted', riskTexts.recipientTrusted);
    }
  }
  if (types.has('integrity') && facts.backupAvailable === true)
    say('integrityBackup', riskTexts.integrityBackup);
  const needsBackup = types.has('integrity') || (types.has('availability') && !isQuickRestore(facts));
  if (needsBackup && facts.backupAvailable === null) say('backupUnknown', riskTexts.backupUnknown);
  return findings;
}

/** Evaluates the facts: level, duties, exemptions, the advisory ENISA figure and the reasons in both languages. */
export function evaluateRisk(facts: BreachFacts): RiskEvaluation {
  const level = overallLevel(facts, allMitigations);
  const findings = explain(facts);
  const exemptions: Exemption[] = [];
  const types = new Set(facts.breachTypes);

  if (level < 2) {
    const withoutEncryption = overallLevel(facts, { ...allMitigations, encryption: false });
    if (types.has('confidentiality') && isEncryptedSafe(facts) && withoutEncryption === 2) {
      exemptions.push('art-34-3-a');
    }
    const withoutContainment = overallLevel(facts, { ...allMitigations, containment: false });
    if (facts.dataRecovered === true && withoutContainment === 2 && !isEncryptedSafe(facts)) {
      exemptions.push('art-34-3-b');
    }
  }
  const publicCommunication = level === 2 && facts.disproportionateEffort === true;
  if (publicCommunication) exemptions.push('art-34-3-c');

  const conclusions = [
    riskTexts.conclusionUnlikely,
    riskTexts.conclusionRisk,
    riskTexts.conclusionHigh,
  ] as const;
  const conclusionCodes = ['conclusionUnlikely', 'conclusionRisk', 'conclusionHigh'] as const;
  findings.push({ code: conclusionCodes[level], text: conclusions[level] });
  if (exemptions.includes('art-34-3-a')) findings.push({ code: 'exemptionA', text: riskTexts.exemptionA });
  if (exemptions.includes('art-34-3-b')) findings.push({ code: 'exemptionB', text: riskTexts.exemptionB });
  if (publicCommunication) findings.push({ code: 'exemptionC', text: riskTexts.exemptionC });

  return {
    riskLevel: riskLevels[level],
    notifySupervisoryAuthority: level >= 1,
    notifyDataSubjects: level === 2 && !publicCommunication,
    publicCommunication,
    exemptions,
    severity: enisaSeverity(facts),
    findings,
  };
}

/** The `assess` contract's decision for one facts object, reasons in the given language. */
export function assessBreach(facts: BreachFacts, lang: Lang = 'pl'): AssessmentDecision {
  const evaluation = evaluateRisk(facts);
  return {
    ...(facts.id === undefined ? {} : { id: facts.id }),
    riskLevel: evaluation.riskLevel,
    notifySupervisoryAuthority: evaluation.notifySupervisoryAuthority,
    notifyDataSubjects: evaluation.notifyDataSubjects,
    publicCommunication: evaluation.publicCommunication,
    severity: evaluation.severity,
    exemptions: evaluation.exemptions,
    reasons: evaluation.findings.map((finding) => finding.text[lang]),
  };
}
