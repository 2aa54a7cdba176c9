import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const bin = fileURLToPath(new URL('../../bin/incydent.js', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/facts/seed-examples.json', import.meta.url));

type Run = { code: number; stdout: string; stderr: string };

/** Runs the real `incydent` executable, as a DPO or an outside tool would. */
function incydent(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

const facts = {
  breachTypes: ['confidentiality'],
  dataCategories: ['identification', 'national-id', 'financial'],
  subjectsApprox: 1,
  vulnerableSubjects: false,
  malicious: false,
};

describe('incydent assess (../shared/contracts/assess.md)', () => {
  it('an array in gives an array out, in input order, with the seed decisions', async () => {
    const run = await incydent(['assess', examples]);
    expect(run.code).toBe(0);
    const decisions = JSON.parse(run.stdout) as {
      id: string;
      riskLevel: string;
      notifySupervisoryAuthority: boolean;
    }[];
    expect(decisions.map((d) => [d.id, d.riskLevel])).toEqual([
      ['seed-002-health-data-of-an-employee', 'high'],
      ['seed-002-lost-encrypted-disk-key-safe', 'unlikely'],
      ['seed-002-pesel-and-addresses-of-50-employees-emailed', 'high'],
      ['seed-002-insurance-offer-to-wrong-recipient', 'high'],
      ['seed-000-welfare-centre-private-carrier', 'high'],
      ['seed-004-power-cut-restored-from-backup', 'unlikely'],
      ['seed-004-computer-resold-without-wiping', 'high'],
    ]);
  });

  it('one object from standard input gives one object, reasons in Polish by default', async () => {
    const run = await incydent(['assess', '-'], JSON.stringify(facts));
    expect(run.code).toBe(0);
    const decision = JSON.parse(run.stdout);
    expect(decision).toMatchObject({
      riskLevel: 'high',
      notifySupervisoryAuthority: true,
      notifyDataSubjects: true,
      severity: { method: 'ENISA-2013', score: 3.5, level: 'high', dpc: 3, ei: 1, cb: 0.5 },
      exemptions: [],
    });
    expect(decision.reasons[0]).toContain('Naruszenie obejmuje numery identyfikacyjne (PESEL');
  });

  it('--lang en and INCYDENT_LANG=en give English reasons', async () => {
    const flag = await incydent(['assess', '-', '--lang', 'en'], JSON.stringify(facts));
    const env = await incydent(['assess', '-'], JSON.stringify(facts), { INCYDENT_LANG: 'en' });
    for (const run of [flag, env])
      expect(JSON.parse(run.stdout).reasons[0]).toContain('The breach concerns identification numbers');
  });

  it('a wrong field exits 2 naming the field and its place in the array, with nothing on stdout', async () => {
    const run = await incydent(
      ['assess', '-'],
      JSON.stringify([facts, { ...facts, subjectsApprox: 'many' }]),
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[1].subjectsApprox: oczekiwano: liczba; podano: "many"');
  });

  it('malformed JSON exits 2 with a clear message', async () => {
    const run = await incydent(['assess', '-', '--lang', 'en'], '{"breachTypes": [');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The input is not valid JSON');
  });

  it('a missing file exits 2 naming the file; a UTF-8 BOM is accepted', async () => {
    const missing = await incydent(['assess', '/nonexistent/facts.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Nie można odczytać pliku „/nonexistent/facts.json”');

    const dir = await tempDir('incydent-assess-');
    const file = join(dir, 'facts.json');
    await writeFile(file, `\uFEFF${JSON.stringify(facts)}`);
    expect((await incydent(['assess', file])).code).toBe(0);
  });

  it('an unknown option or language exits 2', async () => {
    expect((await incydent(['assess', examples, '--lang', 'de'])).code).toBe(2);
    expect((await incydent(['assess'])).code).toBe(2);
  });
});
