import { describe, expect, it } from 'vitest';
import { enisaSeverity } from '../../src/domain/enisa-severity.ts';
import { buildFacts } from '../support/facts.ts';

/** ENISA 2013 methodology: SE = DPC × EI + CB; bands low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high. */
describe('ENISA 2013 severity (advisory)', () => {
  it('simple data, fully identifiable, sent to unknown recipients: 1 × 1 + 0.5 = 1.5, low', () => {
    expect(enisaSeverity(buildFacts())).toEqual({
      method: 'ENISA-2013',
      score: 1.5,
      level: 'low',
      dpc: 1,
      ei: 1,
      cb: 0.5,
    });
  });

  it('sensitive data of vulnerable people, malicious: 4 × 1 + 0.5 + 0.5 = 5, very high', () => {
    const severity = enisaSeverity(
      buildFacts({ dataCategories: ['identification', 'health'], vulnerableSubjects: true, malicious: true }),
    );
    expect(severity).toMatchObject({ dpc: 4, ei: 1, cb: 1, score: 5, level: 'very-high' });
  });

  it('encrypted with a safe key: negligible identification and no confidentiality circumstance', () => {
    const severity = enisaSeverity(
      buildFacts({ dataCategories: ['national-id'], encrypted: true, keyCompromised: false }),
    );
    expect(severity).toMatchObject({ dpc: 3, ei: 0.25, cb: 0, score: 0.75, level: 'low' });
  });

  it('bands: 2 is medium, 3 is high', () => {
    // financial only: dpc 3, ei significant 0.75 → 2.25 + 0.5 = 2.75 medium
    expect(enisaSeverity(buildFacts({ dataCategories: ['financial'] }))).toMatchObject({
      score: 2.75,
      level: 'medium',
    });
    // financial with identification: 3 × 1 + 0.5 = 3.5 high
    expect(enisaSeverity(buildFacts({ dataCategories: ['identification', 'financial'] }))).toMatchObject({
      score: 3.5,
      level: 'high',
    });
  });

  it('circumstances add up for each of C, I, A', () => {
    const severity = enisaSeverity(
      buildFacts({ breachTypes: ['confidentiality', 'integrity', 'availability'], backupAvailable: false }),
    );
    expect(severity.cb).toBe(1.5);
  });
});
