import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  failAbandonedScans,
  purgeOldScanPeople,
  removeLeftScanFolders,
  runningScans,
  stopScans,
  uploadFileName,
} from '../../src/server/scan.service.ts';
import { pdfText } from '../documents/extract-text.ts';
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
    const again = await story.client.request('POST', `${story.url}/scans/${started.body.id}/apply`);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('ta analiza jest już wpisana do naruszenia');
    const listed = await story.client.request<{ items: { appliedAt: string | null }[] }>(
      'GET',
      `${story.url}/scans`,
    );
    expect(listed.body.items[0]!.appliedAt).toBe('2026-11-20T12:00:00.000Z');

    // A scan that could read none of its files fills in nothing.
    const broken = await story.client.request<{ id: string }>(
      'POST',
      `${story.url}/scans`,
      Buffer.from('PK\u0003\u0004 not really a zip'),
      { 'content-type': 'application/zip', 'x-filename': 'kopia.zip' },
    );
    await runningScans();
    const refused = await story.client.request('POST', `${story.url}/scans/${broken.body.id}/apply`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('żadnego pliku tej analizy nie udało się odczytać');

    // The people list keeps file names, not the server's temporary folders, and is erased after the retention.
    const stored = await h.database.db
      .selectFrom('scans')
      .select('people')
      .where('id', '=', started.body.id)
      .executeTakeFirstOrThrow();
    const list = Buffer.from(stored.people!).toString('utf8');
    expect(list).toContain('lista uczniów.csv');
    expect(list).not.toContain('incydent-scan-');
    h.clock.advanceHours(24 * 31);
    expect(await purgeOldScanPeople({ db: h.database.db, config: h.config, now: h.clock.now })).toBe(2);
    const purged = await h.database.db
      .selectFrom('scans')
      .select(['people', 'result'])
      .where('id', '=', started.body.id)
      .executeTakeFirstOrThrow();
    expect(purged.people).toBeNull();
    expect(purged.result).not.toBeNull();
  });

  it('the people a scan finds with a name and an address in a table get letters (art. 34), the others do not', async () => {
    const story = await buildConfirmedBreach(h);
    const rows = [
      'Imię;Nazwisko;PESEL;Ulica;Kod pocztowy;Miejscowość',
      `Jan;Kowalski;${pesel('8001011234')};ul. Zielona 1;15-001;Białystok`,
      `"Anna Maria";Wiśniewska;${pesel('1521023456')};"ul. Długa 5, m. 3";00-950;Warszawa`,
      `Ela;Nowak;${pesel('1923037890')};;;`,
    ];
    const started = await story.client.request<{ id: string }>(
      'POST',
      `${story.url}/scans`,
      Buffer.from(`${rows.join('\r\n')}\r\n`),
      { 'content-type': 'text/csv', 'x-filename': 'uczniowie.csv' },
    );
    await runningScans();
    const letters = await story.client.request<Buffer>(
      'GET',
      `${story.url}/scans/${started.body.id}/letters?format=pdf`,
    );
    expect(letters.status).toBe(200);
    // Ela had no address in the table: no letter, and the DPO is told how many were left out.
    expect(letters.headers?.['x-people-left-out']).toBe('1');
    const { pages, text } = await pdfText(letters.body);
    expect(pages).toHaveLength(2);
    expect(text).toContain('Jan Kowalski');
    expect(text).toContain('00-950 Warszawa');
    expect(text).not.toContain('Nowak');

    // A scan of prose: people by identifiers only, nobody to address a letter to.
    const prose = await story.client.request<{ id: string }>(
      'POST',
      `${story.url}/scans`,
      Buffer.from(`Notatka: PESEL ${pesel('8001011234')}\n`),
      { 'content-type': 'text/plain', 'x-filename': 'notatka.txt' },
    );
    await runningScans();
    const none = await story.client.request('GET', `${story.url}/scans/${prose.body.id}/letters`);
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain(
      'Analiza nie znalazła nikogo z imieniem, nazwiskiem i adresem',
    );
  });

  it('files chosen together are one analysis: a person in two of them is one person; alike names are both kept', async () => {
    const story = await buildConfirmedBreach(h);
    const form = new FormData();
    const shared = pesel('8001011234');
    form.append('file', new Blob([`pesel\n${shared}\n${pesel('1521023456')}\n`]), 'klasa 1a/lista.csv');
    form.append('file', new Blob([`pesel\n${shared}\n`]), 'klasa 1b/lista.csv');
    form.append('file', new Blob([`Notatka o ${pesel('1923037890')}\n`]), 'notatka.txt');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const started = await story.client.request<{ id: string; source: string }>(
      'POST',
      `${story.url}/scans`,
      body,
      {
        'content-type': encoded.headers.get('content-type')!,
      },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.source).toBe('lista.csv, lista (2).csv, notatka.txt');
    await runningScans();
    const done = await story.client.request<{
      status: string;
      result: {
        files: { path: string }[];
        totals: { subjectsApprox: number; identifiers: { pesel: { valid: number } } };
      };
    }>('GET', `${story.url}/scans/${started.body.id}`);
    expect(done.body.status).toBe('done');
    expect(done.body.result.files.map((f) => f.path)).toEqual(['lista.csv', 'lista (2).csv', 'notatka.txt']);
    expect(done.body.result.totals.identifiers.pesel.valid).toBe(4);
    expect(done.body.result.totals.subjectsApprox).toBe(3);

    const empty = new Response(new FormData());
    const none = await story.client.request(
      'POST',
      `${story.url}/scans`,
      Buffer.from(await empty.arrayBuffer()),
      {
        'content-type': empty.headers.get('content-type')!,
      },
    );
    expect(none.status).toBe(400);
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

  it('a carrier on the server: links out of SCAN_ROOT are refused or skipped, a missing path is an error of the field', async () => {
    const base = mkdtempSync(join(tmpdir(), 'incydent-test-root-'));
    try {
      const root = join(base, 'root');
      const outsideDir = join(base, 'outside');
      mkdirSync(join(root, 'nosnik'), { recursive: true });
      mkdirSync(outsideDir);
      const person = (p: string) => `pesel;email\n${p};x@example.pl\n`;
      writeFileSync(join(outsideDir, 'tajne.csv'), person(pesel('8001011234')));
      writeFileSync(join(root, 'nosnik', 'uczniowie.csv'), person(pesel('1521023456')));
      // A link to a folder outside the root, and, inside the carrier, a link to a file outside it.
      symlinkSync(outsideDir, join(root, 'link'));
      symlinkSync(join(outsideDir, 'tajne.csv'), join(root, 'nosnik', 'dowiazanie.csv'));
      await h.close();
      h = await startHarness({ now: '2026-11-20T12:00:00Z', config: { scanRoot: root } });
      const story = await buildConfirmedBreach(h);
      const scanPath = (path: string) =>
        story.client.request<{ id: string; error?: { message: string } }>(
          'POST',
          `${story.url}/scans/server-path`,
          { path },
        );

      for (const path of ['link', 'link/tajne.csv']) {
        const refused = await scanPath(path);
        expect(refused.status, path).toBe(400);
        expect(JSON.stringify(refused.body), path).toContain(`ścieżka musi leżeć w ${root}`);
      }
      const missing = await scanPath('nie-ma');
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body)).toContain(
        `Nieprawidłowe dane w polu „path”: nie ma takiego pliku ani folderu w ${root}: nie-ma`,
      );

      const carrier = await scanPath('nosnik');
      expect(carrier.status).toBe(202);
      await runningScans();
      const done = await story.client.request<{
        status: string;
        result: { files: { path: string }[]; totals: { identifiers: { pesel: { valid: number } } } };
      }>('GET', `${story.url}/scans/${carrier.body.id}`);
      expect(done.body.status).toBe('done');
      // Only the carrier's own file, named as the DPO knows it; the linked file outside is not read.
      expect(done.body.result.files.map((f) => f.path)).toEqual(['nosnik/uczniowie.csv']);
      expect(done.body.result.totals.identifiers.pesel.valid).toBe(1);
      const history = await story.client.request<{ items: { action: string }[] }>(
        'GET',
        `${story.url}/history`,
      );
      expect(history.body.items.filter((e) => e.action === 'scan.started')).toHaveLength(1);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('the name of an upload: refused when not URL-encoded, made safe otherwise; the file is gone after the scan', async () => {
    const story = await buildConfirmedBreach(h);
    const upload = (name: string) =>
      story.client.request<{ id: string; source: string }>(
        'POST',
        `${story.url}/scans`,
        Buffer.from('a;b\n1;2\n'),
        { 'content-type': 'text/csv', 'x-filename': name },
      );
    const malformed = await upload('%E0%A4%A');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('„x-filename”');
    for (const name of ['..', '.', encodeURIComponent(`${'ż'.repeat(200)}.csv`)]) {
      const started = await upload(name);
      expect(started.status, name).toBe(202);
    }
    await runningScans();
    const scans = await story.client.request<{ items: { status: string; source: string }[] }>(
      'GET',
      `${story.url}/scans`,
    );
    expect(scans.body.items.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(uploadFileName('..')).toBe('plik');
    expect(uploadFileName('C:\\Users\\jan\\lista.csv')).toBe('lista.csv');
    const long = uploadFileName(`${'ż'.repeat(200)}.csv`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long.endsWith('ż.csv')).toBe(true);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`incydent-scan-${process.pid}-`))).toEqual([]);
  });

  it('a DPO stops a running scan: it ends as cancelled, with an audit entry, and its result never lands', async () => {
    const story = await buildConfirmedBreach(h);
    const started = await story.client.request<{ id: string }>(
      'POST',
      `${story.url}/scans`,
      Buffer.from(`pesel\n${pesel('8001011234')}\n`),
      { 'content-type': 'text/csv', 'x-filename': 'zly-folder.csv' },
    );
    const cancelled = await story.client.request<{ status: string; error: string }>(
      'POST',
      `${story.url}/scans/${started.body.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', error: expect.stringContaining('@') });
    await runningScans();
    const after = await story.client.request<{ status: string; result: unknown }>(
      'GET',
      `${story.url}/scans/${started.body.id}`,
    );
    expect(after.body).toMatchObject({ status: 'cancelled', result: null });
    const again = await story.client.request('POST', `${story.url}/scans/${started.body.id}/cancel`);
    expect(again.status).toBe(400);
    const history = await story.client.request<{ items: { action: string }[] }>(
      'GET',
      `${story.url}/history`,
    );
    expect(history.body.items.map((e) => e.action)).toContain('scan.cancelled');
  });

  it('a scan whose server stops ends as interrupted; one whose server died is failed by the sweep; its files go', async () => {
    const story = await buildConfirmedBreach(h);
    const started = await story.client.request<{ id: string }>(
      'POST',
      `${story.url}/scans`,
      Buffer.from(`pesel\n${pesel('8001011234')}\n`),
      { 'content-type': 'text/csv', 'x-filename': 'lista.csv' },
    );
    expect(started.status).toBe(202);
    await stopScans();
    const stopped = await story.client.request<{ status: string; error: string }>(
      'GET',
      `${story.url}/scans/${started.body.id}`,
    );
    expect(stopped.body).toMatchObject({ status: 'failed', error: expect.stringContaining('przerwana') });

    // A row left running by a process that is gone: nothing updates it, and after two minutes the sweep ends it.
    await h.database.db
      .updateTable('scans')
      .set({ status: 'running', error: null, updated_at: h.clock.now() })
      .execute();
    const ctx = { db: h.database.db, config: h.config, now: h.clock.now };
    expect(await failAbandonedScans(ctx)).toBe(0);
    h.clock.advanceHours(0.05);
    expect(await failAbandonedScans(ctx)).toBe(1);

    // Its uploaded file, in a folder named after the dead process, is removed; this process's folders stay.
    let dead = 4_000_000;
    while (existsSync(`/proc/${dead}`)) dead++;
    const left = mkdtempSync(join(tmpdir(), `incydent-scan-${dead}-`));
    writeFileSync(join(left, 'wyciek.csv'), pesel('8001011234'));
    const ours = mkdtempSync(join(tmpdir(), `incydent-scan-${process.pid}-`));
    expect(await removeLeftScanFolders()).toBeGreaterThanOrEqual(1);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(ours)).toBe(true);
    rmSync(ours, { recursive: true });
  });
});
