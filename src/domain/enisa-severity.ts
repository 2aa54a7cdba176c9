import type { AssessCategory } from './assess-categories.ts';
import type { BreachFacts } from './breach-facts.ts';
import { type EnisaLevel, enisaTables } from './enisa-tables.ts';
import { riskThresholds } from './risk-rules.ts';

export type EnisaSeverity = {
  method: 'ENISA-2013';
  score: number;
  level: EnisaLevel;
  dpc: number;
  ei: number;
  cb: number;
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** ENISA 2013 severity (SE = DPC × EI + CB), an advisory figure shown beside the rule-based decision. */
export function enisaSeverity(facts: BreachFacts): EnisaSeverity {
  const t = enisaTables;
  const categories: readonly AssessCategory[] =
    facts.dataCategories.length > 0 ? facts.dataCategories : ['other'];
  const base = Math.max(...categories.map((category) => t.dpcBase[category]));
  const dpc = Math.min(t.dpcMax, base + (facts.vulnerableSubjects ? t.dpcVulnerableIncrease : 0));

  const encryptedSafe = facts.encrypted === true && facts.keyCompromised === false;
  const eiRule = t.eiRules.find((rule) => rule.when.some((category) => categories.includes(category)));
  const ei = encryptedSafe ? t.ei.negligible : t.ei[eiRule?.ei ?? 'limited'];

  const types = new Set(facts.breachTypes);
  let cb = 0;
  if (types.has('confidentiality')) {
    if (encryptedSafe) cb += t.cb.confidentiality.none;
    else if (facts.recipientTrusted === true) cb += t.cb.confidentiality.knownRecipients;
    else cb += t.cb.confidentiality.unknownRecipients;
  }
  if (types.has('integrity')) {
    cb += facts.backupAvailable === true ? t.cb.integrity.recoverable : t.cb.integrity.notRecoverable;
  }
  if (types.has('availability')) {
    const quick =
      facts.backupAvailable === true &&
      facts.unavailabilityHours !== null &&
      facts.unavailabilityHours <= riskThresholds.quickRestoreHours;
    if (quick) cb += t.cb.availability.recoverable;
    else if (facts.backupAvailable === true) cb += t.cb.availability.temporary;
    else cb += t.cb.availability.permanent;
  }
  if (facts.malicious) cb += t.cb.malicious;

  const score = round2(dpc * ei + cb);
  const level = t.bands.find((band) => score >= band.from)!.level;
  return { method: t.method, score, level, dpc, ei, cb: round2(cb) };
}
