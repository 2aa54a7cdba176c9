import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRisk } from '../../src/domain/assess-breach.ts';
import { departsFromEngine } from '../../src/domain/assessment-record.ts';
import { breachCaseSchema } from '../../src/domain/breach-case.ts';

const folder = new URL('../../examples/cases/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

describe('examples/cases: complete sample breaches (seed 000, seed 002)', () => {
  it('holds at least the welfare-centre and the mis-sent insurance e-mail cases', () => {
    expect(files).toEqual(
      expect.arrayContaining(['mopr-bialystok-2019.json', 'insurance-misdirected-email.json']),
    );
  });

  it.each(files)('%s validates against breachCaseSchema', (name) => {
    const result = breachCaseSchema.safeParse(JSON.parse(readFileSync(new URL(name, folder), 'utf8')));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it.each(files)('%s: every stored engine result is what evaluateRisk returns for its facts', (name) => {
    const breach = breachCaseSchema.parse(JSON.parse(readFileSync(new URL(name, folder), 'utf8')));
    expect(breach.assessments.length).toBeGreaterThan(0);
    for (const assessment of breach.assessments) {
      const engine = evaluateRisk(assessment.facts);
      expect(assessment.engine).toEqual(engine);
      expect(assessment.departsFromEngine).toBe(departsFromEngine(engine, { ...assessment.decision }));
    }
  });

  it('both seed cases are high risk: notify UODO and tell the people (DOMAIN.md examples table)', () => {
    for (const name of ['mopr-bialystok-2019.json', 'insurance-misdirected-email.json']) {
      const breach = breachCaseSchema.parse(JSON.parse(readFileSync(new URL(name, folder), 'utf8')));
      const decision = breach.assessments.at(-1)!.decision;
      expect([decision.riskLevel, decision.notifySupervisoryAuthority, decision.notifyDataSubjects]).toEqual([
        'high',
        true,
        true,
      ]);
    }
  });
});
