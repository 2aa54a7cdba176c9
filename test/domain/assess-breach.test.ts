import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBreach, evaluateRisk } from '../../src/domain/assess-breach.ts';
import { parseBreachFacts } from '../../src/domain/breach-facts.ts';
import { buildFacts } from '../support/facts.ts';

type Expected = { riskLevel: string; uodo: boolean; subjects: boolean | 'as assessed' };

/** DOMAIN.md "Examples from the seeds, with the answer the seeds give"; the facts are in examples/facts. */
const seedExamples: Record<string, Expected & { source: string }> = {
  'seed-002-health-data-of-an-employee': {
    source: 'seed 002 "wyciek danych zdrowotnych pracownika … musisz zgłosić"',
    riskLevel: 'high',
    uodo: true,
    subjects: true,
  },
  'seed-002-lost-encrypted-disk-key-safe': {
    source: 'seed 002 "dysk … w pełni zaszyfrowane … zgłoszenia do UODO możesz nie dokonać"',
    riskLevel: 'unlikely',
    uodo: false,
    subjects: false,
  },
  'seed-002-pesel-and-addresses-of-50-employees-emailed': {
    source: 'seed 002 "PESEL i adresami domowymi 50 pracowników … należy zawiadomić te osoby"',
    riskLevel: 'high',
    uodo: true,
    subjects: true,
  },
  'seed-002-insurance-offer-to-wrong-recipient': {
    source: 'seed 002, the NSA judgment on the PLN 159,176 fine',
    riskLevel: 'high',
    uodo: true,
    subjects: true,
  },
  'seed-000-welfare-centre-private-carrier': {
    source: 'seed 000, MOPR Białystok: UODO notified, people informed',
    riskLevel: 'high',
    uodo: true,
    subjects: true,
  },
  'seed-004-power-cut-restored-from-backup': {
    source: 'seed 004 "utrata dostępu … spowodowana brakiem prądu"; DOMAIN.md: usually no',
    riskLevel: 'unlikely',
    uodo: false,
    subjects: false,
  },
  'seed-004-computer-resold-without-wiping': {
    source:
      'seed 004 "przy odsprzedaży komputera, niewystarczające wyczyszczenie dysku"; DOMAIN.md: UODO yes',
    riskLevel: 'as assessed',
    uodo: true,
    subjects: 'as assessed',
  },
};

const examples = JSON.parse(
  readFileSync(new URL('../../examples/facts/seed-examples.json', import.meta.url), 'utf8'),
) as { id: string }[];

describe('the seed examples give the decisions of DOMAIN.md', () => {
  it('covers every example of the table', () => {
    expect(examples.map((e) => e.id).sort()).toEqual(Object.keys(seedExamples).sort());
  });

  for (const example of examples) {
    const expected = seedExamples[example.id]!;
    it(`${example.id} (${expected.source})`, () => {
      const decision = assessBreach(parseBreachFacts(example, 'pl'));
      if (expected.riskLevel !== 'as assessed') expect(decision.riskLevel).toBe(expected.riskLevel);
      expect(decision.notifySupervisoryAuthority).toBe(expected.uodo);
      if (expected.subjects !== 'as assessed') expect(decision.notifyDataSubjects).toBe(expected.subjects);
      expect(decision.reasons.at(-1 - decision.exemptions.length)).toMatch(/^Wniosek: /);
      expect(decision.reasons.join(' ')).toContain('art. 33 ust. 5');
    });
  }
});

describe('presumptions (DOMAIN.md "Assess the risk")', () => {
  it.each([
    ['national-id', 'PESEL'],
    ['health', 'art. 9'],
    ['special', 'art. 9'],
    ['criminal', 'art. 10'],
  ] as const)('a disclosed %s presumes high risk and names it', (category, words) => {
    const decision = assessBreach(buildFacts({ dataCategories: [category], subjectsApprox: 1 }));
    expect(decision.riskLevel).toBe('high');
    expect(decision.reasons[0]).toContain(words);
  });

  it('financial data with identification enable fraud: high (the fined insurer, seed 002)', () => {
    expect(
      evaluateRisk(buildFacts({ dataCategories: ['identification', 'financial'], subjectsApprox: 1 }))
        .riskLevel,
    ).toBe('high');
    expect(evaluateRisk(buildFacts({ dataCategories: ['financial'], subjectsApprox: 1 })).riskLevel).toBe(
      'risk',
    );
  });

  it('credentials presume at least risk', () => {
    expect(evaluateRisk(buildFacts({ dataCategories: ['credentials'], subjectsApprox: 1 })).riskLevel).toBe(
      'risk',
    );
  });

  it('names and e-mails of a few people to an unknown recipient: risk, notify UODO only (NSA: the risk suffices)', () => {
    const decision = assessBreach(buildFacts({ subjectsApprox: 3 }), 'en');
    expect(decision).toMatchObject({
      riskLevel: 'risk',
      notifySupervisoryAuthority: true,
      notifyDataSubjects: false,
    });
    expect(decision.reasons[0]).toContain('identification data');
  });

  it('children or other vulnerable people raise the level (seed 002: pupils, patients)', () => {
    expect(evaluateRisk(buildFacts({ subjectsApprox: 3, vulnerableSubjects: true })).riskLevel).toBe('high');
  });

  it('malicious intent raises the level', () => {
    expect(evaluateRisk(buildFacts({ subjectsApprox: 3, malicious: true })).riskLevel).toBe('high');
  });

  it('a large number of people raises the level, and the threshold is named in the reason', () => {
    const decision = assessBreach(buildFacts({ subjectsApprox: 5000 }), 'en');
    expect(decision.riskLevel).toBe('high');
    expect(decision.reasons.join(' ')).toContain('about 5000 people (large scale: 1000 or more)');
  });

  it('an unknown number of people is read cautiously and asks to be filled in', () => {
    const decision = assessBreach(buildFacts({ subjectsApprox: null }), 'en');
    expect(decision.riskLevel).toBe('high');
    expect(decision.reasons.join(' ')).toContain('The number of people concerned is unknown');
  });

  it('no categories given is read as identifying data, never as nothing', () => {
    expect(evaluateRisk(buildFacts({ dataCategories: [], subjectsApprox: 1 })).riskLevel).toBe('risk');
  });
});

describe('mitigations', () => {
  it('state-of-the-art encryption with a safe key makes disclosure unlikely and lists art. 34(3)(a)', () => {
    const decision = assessBreach(
      buildFacts({ dataCategories: ['national-id', 'health'], encrypted: true, keyCompromised: false }),
    );
    expect(decision).toMatchObject({
      riskLevel: 'unlikely',
      notifySupervisoryAuthority: false,
      exemptions: ['art-34-3-a'],
    });
  });

  it('encryption whose key is unknown or exposed does not count (cautious reading)', () => {
    for (const keyCompromised of [null, true]) {
      const decision = assessBreach(
        buildFacts({ dataCategories: ['national-id'], encrypted: true, keyCompromised, subjectsApprox: 1 }),
        'en',
      );
      expect(decision.riskLevel).toBe('high');
      expect(decision.reasons.join(' ')).toMatch(/encryption (is not taken into account|does not protect)/);
    }
  });

  it('a trusted recipient lowers by one step: ordinary data unlikely, PESEL still risk', () => {
    expect(evaluateRisk(buildFacts({ recipientTrusted: true, subjectsApprox: 2 })).riskLevel).toBe(
      'unlikely',
    );
    expect(
      evaluateRisk(buildFacts({ dataCategories: ['national-id'], recipientTrusted: true, subjectsApprox: 2 }))
        .riskLevel,
    ).toBe('risk');
  });

  it('a "trusted" recipient does not mitigate an intentional act', () => {
    const decision = assessBreach(
      buildFacts({ recipientTrusted: true, malicious: true, subjectsApprox: 2 }),
      'en',
    );
    expect(decision.riskLevel).toBe('high');
    expect(decision.reasons.join(' ')).toContain('cannot be regarded as trusted');
  });

  it('data recovered before misuse: art. 34(3)(b) when the risk would otherwise be high', () => {
    const decision = assessBreach(
      buildFacts({ dataCategories: ['national-id'], dataRecovered: true, subjectsApprox: 1 }),
    );
    expect(decision).toMatchObject({
      riskLevel: 'risk',
      notifySupervisoryAuthority: true,
      notifyDataSubjects: false,
      exemptions: ['art-34-3-b'],
    });
  });

  it('disproportionate effort: a public communication replaces the letters (art. 34(3)(c))', () => {
    const decision = assessBreach(
      buildFacts({ dataCategories: ['national-id'], subjectsApprox: 80_000, disproportionateEffort: true }),
      'en',
    );
    expect(decision).toMatchObject({
      riskLevel: 'high',
      notifyDataSubjects: false,
      publicCommunication: true,
      exemptions: ['art-34-3-c'],
    });
    expect(decision.reasons.at(-1)).toContain('public communication');
  });

  it('ransomware restored from backup within hours: risk until exfiltration is ruled out (UODO form 4C a; EDPB 01/2021 case 1 needs that finding)', () => {
    const decision = assessBreach(
      buildFacts({
        breachTypes: ['availability'],
        malicious: true,
        backupAvailable: true,
        unavailabilityHours: 5,
        subjectsApprox: 2000,
      }),
      'en',
    );
    expect(decision.riskLevel).toBe('risk');
    expect(decision.reasons.join(' ')).toContain('exfiltration cannot be ruled out');
    expect(decision.reasons.join(' ')).not.toContain('raised by one step');
  });

  it('hospital data unavailable for days without a backup: high (EDPB 01/2021 case 2)', () => {
    expect(
      evaluateRisk(
        buildFacts({
          breachTypes: ['availability'],
          dataCategories: ['identification', 'health'],
          backupAvailable: false,
          unavailabilityHours: 72,
          vulnerableSubjects: true,
          subjectsApprox: 300,
        }),
      ).riskLevel,
    ).toBe('high');
  });

  it('integrity: altered data that a backup restores is unlikely, unless it is health data', () => {
    const ordinary = buildFacts({ breachTypes: ['integrity'], backupAvailable: true, subjectsApprox: 5 });
    expect(evaluateRisk(ordinary).riskLevel).toBe('unlikely');
    const health = buildFacts({
      breachTypes: ['integrity'],
      dataCategories: ['health'],
      backupAvailable: true,
      subjectsApprox: 5,
    });
    expect(evaluateRisk(health).riskLevel).toBe('risk');
  });
});

describe('the decision', () => {
  it('notifies UODO exactly when the level is risk or high, and people when high without exemption', () => {
    const levels = ['unlikely', 'risk', 'high'];
    for (const subjectsApprox of [1, 5000]) {
      for (const dataCategories of [['contact'], ['national-id']] as const) {
        const decision = evaluateRisk(buildFacts({ dataCategories: [...dataCategories], subjectsApprox }));
        expect(levels).toContain(decision.riskLevel);
        expect(decision.notifySupervisoryAuthority).toBe(decision.riskLevel !== 'unlikely');
        expect(decision.notifyDataSubjects).toBe(decision.riskLevel === 'high');
      }
    }
  });

  it('reasons are Polish by default and English on request, the same number of sentences', () => {
    const facts = buildFacts({ dataCategories: ['national-id'], vulnerableSubjects: true });
    const pl = assessBreach(facts);
    const en = assessBreach(facts, 'en');
    expect(pl.reasons.length).toBe(en.reasons.length);
    expect(pl.reasons.join(' ')).toMatch(/osób szczególnie narażonych/);
    expect(en.reasons.join(' ')).toMatch(/vulnerable people/);
    expect(pl.reasons.join(' ')).not.toMatch(/GIODO|seed/);
  });

  it('echoes the id when given and omits it when not', () => {
    expect(assessBreach(buildFacts({ id: 'R/2026/7' })).id).toBe('R/2026/7');
    expect('id' in assessBreach(buildFacts())).toBe(false);
  });
});
