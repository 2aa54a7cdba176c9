import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeOldScanPeople, runningScans } from '../../src/server/scan.service.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-20T12:00:00Z' });
});
afterEach(async () => {
  await runningScans();
  await h.close();
});

/** Valid PESEL numbers: 1 adult (1980) and 2 children (2015, 2019), each with its check digit. */
function pesel(base: string): string {
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...base].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return base + String((10 - (sum % 10)) % 10);
}

describe('a leak analysis fills the breach (issue 6 "in the product")', () => {
  it('upload a CSV, watch it finish, read counts without identifiers, apply the findings with an audit entry', async () => {
    const story = await buildConfirmedBreach(h);
    const rows = [
      'imię;nazwisko;pesel;email;kod pocztowy',
      `Jan;Kowalski;${pesel('8001011234')};jan@example.pl;15-001`,
      `Ola;Nowak;${pesel('1521023456')};ola@example.pl;15-002`,
      `Ela;Wiśniewska;${pesel('1923037890')};ela@example.pl;15-003`,
    ];
    const started = await story.client.request<{ id: string; status: string }>(
      'POST',
      `${story.url}/scans`,
      Buffer.from(`${rows.join('\n')}\n`),
      { 'content-type': 'text/csv', 'x-filename': encodeURIComponent('lista uczniów.csv') },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.status).toBe('running');
    await runningScans();

    const scan = await story.client.request<{
      status: string;
      result: { totals: { records: number; minors: number; identifiers: { pesel: { valid: number } } } };
      findings: { dataCategories: string[]; subjectsApprox: number; children: boolean };
    }>('GET', `${story.url}/scans/${started.body.id}`);
    expect(scan.body.status).toBe('done');
    expect(scan.body.result.totals).toMatchObject({
      records: 3,
      minors: 2,
      identifiers: { pesel: { valid: 3 } },
    });
    expect(scan.body.findings).toMatchObject({ subjectsApprox: 3, children: true });
    expect(scan.body.findings.dataCategories).toEqual(expect.arrayContaining(['pesel', 'email', 'address']));
    expect(JSON.stringify(scan.body)).not.toContain(pesel('8001011234'));
    expect(JSON.stringify(scan.body)).not.toContain('jan@example.pl');

    const applied = await story.client.request<{
      dataCategories: string[];
      subjectsApprox: number;
      recordsApprox: number;
      subjectCategories: string[];
    }>('POST', `${story.url}/scans/${started.body.id}/apply`);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      subjectsApprox: 3,
      recordsApprox: 3,
      subjectCategories: ['children'],
    });
    expect(applied.body.dataCategories).toEqual(expect.arrayContaining(['pesel', 'email', 'address']));
    const history = await story.client.request<{ items: { action: string }[] }>(
      'GET',
      `${story.url}/history`,
    );
    expect(history.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['scan.started', 'scan.applied']),
    );

    // The people list keeps file names, not the server's temporary folders, and is erased after the retention.
    const stored = await h.database.db.selectFrom('scans').select('people').executeTakeFirstOrThrow();
    const list = Buffer.from(stored.people!).toString('utf8');
    expect(list).toContain('lista uczniów.csv');
    expect(list).not.toContain('incydent-scan-');
    h.clock.advanceHours(24 * 31);
    expect(await purgeOldScanPeople({ db: h.database.db, config: h.config, now: h.clock.now })).toBe(1);
    const purged = await h.database.db
      .selectFrom('scans')
      .select(['people', 'result'])
      .executeTakeFirstOrThrow();
    expect(purged.people).toBeNull();
    expect(purged.result).not.toBeNull();
  });

  it('a folder on the server is refused unless SCAN_ROOT allows it, and never outside it', async () => {
    const story = await buildConfirmedBreach(h);
    const off = await story.client.request('POST', `${story.url}/scans/server-path`, { path: '/etc' });
    expect(off.status).toBe(400);
    expect(off.body).toMatchObject({
      error: {
        message:
          'Nieprawidłowe dane w polu „path”: skanowanie ścieżek na serwerze jest wyłączone (ustaw SCAN_ROOT)',
      },
    });
    await h.close();
    h = await startHarness({ config: { scanRoot: '/tmp' } });
    const again = await buildConfirmedBreach(h);
    const outside = await again.client.request('POST', `${again.url}/scans/server-path`, { path: '../etc' });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({
      error: { message: 'Nieprawidłowe dane w polu „path”: ścieżka musi leżeć w /tmp' },
    });
  });
});
