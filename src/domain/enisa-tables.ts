import type { AssessCategory } from './assess-categories.ts';

/**
 * The tables of ENISA's "Recommendations for a methodology of the assessment of severity of personal data
 * breaches" (2013): SE = DPC × EI + CB. Kept as data; the engine in enisa-severity.ts only walks them.
 * The result is advisory: UODO expects a qualitative, written assessment, never a score alone (seed 002).
 */
export const enisaTables = {
  method: 'ENISA-2013',
  /**
   * Data processing context, base score by type of data (ENISA §3.1: simple 1, behavioural 2, financial 3,
   * sensitive 4). Our mapping of the `assess` words: national identifiers score as financial data because in
   * Poland a PESEL number alone enables loans and contracts in the victim's name (UODO practice); credentials as
   * behavioural because they open further data.
   */
  dpcBase: {
    identification: 1,
    contact: 1,
    other: 1,
    location: 2,
    behavioural: 2,
    credentials: 2,
    financial: 3,
    'national-id': 3,
    health: 4,
    special: 4,
    criminal: 4,
  } satisfies Record<AssessCategory, number>,
  /** ENISA §3.1 context factors: the vulnerability of the people raises the score; capped at the scale's top. */
  dpcVulnerableIncrease: 1,
  dpcMax: 4,
  /** Ease of identification (ENISA §3.2). */
  ei: { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 },
  /** Which data make identification how easy; the first matching rule wins, top to bottom. */
  eiRules: [
    { when: ['identification', 'national-id'], ei: 'maximum' },
    { when: ['contact', 'credentials', 'financial'], ei: 'significant' },
  ] satisfies { when: AssessCategory[]; ei: 'negligible' | 'limited' | 'significant' | 'maximum' }[],
  /** Circumstances of the breach (ENISA §3.3), each added to the score. */
  cb: {
    confidentiality: { none: 0, knownRecipients: 0.25, unknownRecipients: 0.5 },
    integrity: { recoverable: 0.25, notRecoverable: 0.5 },
    availability: { recoverable: 0, temporary: 0.25, permanent: 0.5 },
    malicious: 0.5,
  },
  /** Severity bands (ENISA §3.4): lower bound inclusive. */
  bands: [
    { from: 4, level: 'very-high' },
    { from: 3, level: 'high' },
    { from: 2, level: 'medium' },
    { from: Number.NEGATIVE_INFINITY, level: 'low' },
  ],
} as const;

export type EnisaLevel = (typeof enisaTables.bands)[number]['level'];
