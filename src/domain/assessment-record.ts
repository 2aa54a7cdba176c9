/**
 * The record of an assessment: the facts, what the rules concluded and why, and what the DPO decided. The DPO may
 * depart from the rules, but only with a written reason, and both decisions are kept: that is the accountability
 * UODO checks (art. 5(2), art. 33(5) RODO; seed 002: an unjustified "low risk" is the typical fined mistake).
 */
import { type Exemption, evaluateRisk, type RiskEvaluation } from './assess-breach.ts';
import type { BreachFacts } from './breach-facts.ts';
import { DomainError } from './errors.ts';
import type { RiskLevel } from './risk-rules.ts';

/** A reason shorter than this is not a reason ("nie" or "ok" does not explain a departure). */
export const minimumDepartureReasonLength = 30;

export type DpoDecision = {
  riskLevel: RiskLevel;
  notifySupervisoryAuthority: boolean;
  notifyDataSubjects: boolean;
  exemptions: Exemption[];
  /** Required when the decision departs from the rules' evaluation; otherwise an optional comment. */
  reason: string | null;
};

export type AssessmentRecord = {
  facts: BreachFacts;
  engine: RiskEvaluation;
  decision: DpoDecision;
  departsFromEngine: boolean;
  decidedBy: string;
  decidedAt: Date;
};

/** The DPO's decision when they accept what the rules concluded. */
export function acceptEngineDecision(engine: RiskEvaluation, reason: string | null = null): DpoDecision {
  return {
    riskLevel: engine.riskLevel,
    notifySupervisoryAuthority: engine.notifySupervisoryAuthority,
    notifyDataSubjects: engine.notifyDataSubjects,
    exemptions: [...engine.exemptions],
    reason,
  };
}

export function departsFromEngine(engine: RiskEvaluation, decision: DpoDecision): boolean {
  const sameExemptions =
    engine.exemptions.length === decision.exemptions.length &&
    engine.exemptions.every((exemption) => decision.exemptions.includes(exemption));
  return (
    engine.riskLevel !== decision.riskLevel ||
    engine.notifySupervisoryAuthority !== decision.notifySupervisoryAuthority ||
    engine.notifyDataSubjects !== decision.notifyDataSubjects ||
    !sameExemptions
  );
}

const inconsistency = {
  uodo: {
    pl: 'przy ryzyku naruszenia praw lub wolności zgłoszenie do Prezesa UODO jest obowiązkowe (art. 33 ust. 1 RODO).',
    en: 'with a risk to rights and freedoms the notification to UODO is mandatory (GDPR art. 33(1)).',
  },
  subjects: {
    pl: 'przy wysokim ryzyku osoby trzeba zawiadomić (art. 34 ust. 1 RODO), chyba że zachodzi wyjątek z art. 34 ust. 3 — wskaż go.',
    en: 'with a high risk the people must be told (GDPR art. 34(1)) unless an art. 34(3) exemption applies: name it.',
  },
  noHighRisk: {
    pl: 'ostatnia ocena stwierdza wysokie ryzyko, więc nie można podać „nie stwierdzono wysokiego ryzyka”; zmień ocenę (z uzasadnieniem) albo wskaż wyjątek z art. 34 ust. 3.',
    en: 'the latest assessment found a high risk, so "no high risk was found" cannot be given; change the assessment (with a reason) or name an art. 34(3) exemption.',
  },
  notRequired: {
    pl: 'ostatnia ocena stwierdza ryzyko, więc zgłoszenie do UODO jest wymagane; aby uznać je za niewymagane, zapisz nową ocenę z pisemnym uzasadnieniem.',
    en: 'the latest assessment found a risk, so notifying UODO is required; to record it as not required, record a new assessment with a written reason.',
  },
} as const;

/** A decision must not contradict itself: GDPR art. 33(1) and 34(1),(3) read together. */
export function checkDecisionConsistency(decision: DpoDecision): void {
  if (decision.riskLevel !== 'unlikely' && !decision.notifySupervisoryAuthority) {
    throw new DomainError('decision.inconsistent', { detail: inconsistency.uodo });
  }
  const exempt = decision.exemptions.length > 0;
  if (decision.riskLevel === 'high' && !decision.notifyDataSubjects && !exempt) {
    throw new DomainError('decision.inconsistent', { detail: inconsistency.subjects });
  }
}

/**
 * Later steps must agree with the latest assessment: UODO cannot be "not required" after a risk was found, and
 * the people cannot be "not told because no high risk" after a high risk was found (UODO form 8B vs 10).
 */
export function checkStepAgainstDecision(
  decision: DpoDecision | null,
  step: 'authority-not-required' | 'subjects-not-required' | 'not-required-no-high-risk',
): void {
  if (!decision) return;
  if (step === 'authority-not-required' && decision.riskLevel !== 'unlikely') {
    throw new DomainError('decision.inconsistent', { detail: inconsistency.notRequired });
  }
  const highWithoutExemption = decision.riskLevel === 'high' && decision.exemptions.length === 0;
  if (step === 'not-required-no-high-risk' && decision.riskLevel === 'high') {
    throw new DomainError('decision.inconsistent', { detail: inconsistency.noHighRisk });
  }
  if (step === 'subjects-not-required' && highWithoutExemption) {
    throw new DomainError('decision.inconsistent', { detail: inconsistency.subjects });
  }
}

/** Evaluates the facts and records the DPO's decision beside the rules'; throws when a departure has no reason. */
export function recordAssessment(input: {
  facts: BreachFacts;
  decision?: DpoDecision;
  decidedBy: string;
  decidedAt: Date;
}): AssessmentRecord {
  const engine = evaluateRisk(input.facts);
  const decision = input.decision ?? acceptEngineDecision(engine);
  checkDecisionConsistency(decision);
  const departs = departsFromEngine(engine, decision);
  if (departs && (decision.reason ?? '').trim().length < minimumDepartureReasonLength) {
    throw new DomainError('assessment.departure-reason-required', { min: minimumDepartureReasonLength });
  }
  return {
    facts: input.facts,
    engine,
    decision,
    departsFromEngine: departs,
    decidedBy: input.decidedBy,
    decidedAt: input.decidedAt,
  };
}
