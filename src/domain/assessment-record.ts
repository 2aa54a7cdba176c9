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

/** Evaluates the facts and records the DPO's decision beside the rules'; throws when a departure has no reason. */
export function recordAssessment(input: {
  facts: BreachFacts;
  decision?: DpoDecision;
  decidedBy: string;
  decidedAt: Date;
}): AssessmentRecord {
  const engine = evaluateRisk(input.facts);
  const decision = input.decision ?? acceptEngineDecision(engine);
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
