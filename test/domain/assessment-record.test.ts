import { describe, expect, it } from 'vitest';
import { type Exemption, evaluateRisk } from '../../src/domain/assess-breach.ts';
import {
  acceptEngineDecision,
  checkDecisionConsistency,
  recordAssessment,
} from '../../src/domain/assessment-record.ts';
import type { DomainError } from '../../src/domain/errors.ts';
import { buildFacts } from '../support/facts.ts';

const decidedAt = new Date('2026-11-21T09:00:00Z');
const facts = buildFacts({ dataCategories: ['national-id'], subjectsApprox: 1 });

describe("the DPO's decision beside the rules' (accountability, art. 5(2); seed 002)", () => {
  it('accepting the engine needs no reason and is not a departure', () => {
    const record = recordAssessment({ facts, decidedBy: 'iod@example.pl', decidedAt });
    expect(record.departsFromEngine).toBe(false);
    expect(record.decision.riskLevel).toBe('high');
  });

  it('departing without a written reason is refused, naming the minimum length', () => {
    const engine = evaluateRisk(facts);
    const decision = {
      ...acceptEngineDecision(engine),
      riskLevel: 'risk' as const,
      notifyDataSubjects: false,
      reason: 'ok',
    };
    expect(() => recordAssessment({ facts, decision, decidedBy: 'iod@example.pl', decidedAt })).toThrowError(
      expect.objectContaining({ code: 'assessment.departure-reason-required', params: { min: 30 } }),
    );
  });

  it('departing with a reason keeps both decisions', () => {
    const engine = evaluateRisk(facts);
    const reason =
      'Odbiorca to kancelaria notarialna związana tajemnicą zawodową; potwierdziła usunięcie pisemnie.';
    const record = recordAssessment({
      facts,
      decision: { ...acceptEngineDecision(engine), riskLevel: 'risk', notifyDataSubjects: false, reason },
      decidedBy: 'iod@example.pl',
      decidedAt,
    });
    expect(record.departsFromEngine).toBe(true);
    expect(record.engine.riskLevel).toBe('high');
    expect(record.decision).toMatchObject({ riskLevel: 'risk', reason });
  });

  it('a different exemption is a departure too', () => {
    const engine = evaluateRisk(facts);
    expect(() =>
      recordAssessment({
        facts,
        decision: { ...acceptEngineDecision(engine), exemptions: ['art-34-3-c'] },
        decidedBy: 'iod',
        decidedAt,
      }),
    ).toThrowError(expect.objectContaining({ code: 'assessment.departure-reason-required' }));
  });
});

describe('a decision does not contradict itself (art. 33(1), 34(1), 34(3))', () => {
  const base: { exemptions: Exemption[]; reason: string } = {
    exemptions: [],
    reason: 'Uzasadnienie dłuższe niż trzydzieści znaków, by przejść.',
  };
  it.each([
    [{ riskLevel: 'risk', notifySupervisoryAuthority: false, notifyDataSubjects: false }, 'art. 33 ust. 1'],
    [{ riskLevel: 'high', notifySupervisoryAuthority: false, notifyDataSubjects: true }, 'art. 33 ust. 1'],
    [{ riskLevel: 'high', notifySupervisoryAuthority: true, notifyDataSubjects: false }, 'art. 34 ust. 3'],
  ] as const)('%j is refused', (decision, article) => {
    try {
      checkDecisionConsistency({ ...base, ...decision, exemptions: [] });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).messageIn('pl')).toContain(article);
    }
  });

  it('voluntary steps beyond the duty and a named exemption are accepted', () => {
    expect(() =>
      checkDecisionConsistency({
        ...base,
        riskLevel: 'unlikely',
        notifySupervisoryAuthority: true,
        notifyDataSubjects: true,
      }),
    ).not.toThrow();
    expect(() =>
      checkDecisionConsistency({
        ...base,
        riskLevel: 'high',
        notifySupervisoryAuthority: true,
        notifyDataSubjects: false,
        exemptions: ['art-34-3-c'],
      }),
    ).not.toThrow();
  });
});
