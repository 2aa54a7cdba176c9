import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipientsFromScanList } from '../../src/documents/read-people-list.ts';
import { scanFindings } from '../../src/domain/scan-findings.ts';
import { ByteScanner } from '../../src/scan/byte-scanner.ts';
import { detectEncoding } from '../../src/scan/detect-encoding.ts';
import { writePersonList } from '../../src/scan/person-list.ts';
import { type ScanResult, scanPaths } from '../../src/scan/scan-paths.ts';
import { ScanTally } from '../../src/scan/scan-tally.ts';
import { WorkerPool } from '../../src/scan/worker-pool.ts';
import { runMain } from '../support/run-main.ts';
import { buildFixtures, ids } from './build-fixtures.ts';
import { makeCard, makePesel } from './make-identifiers.ts';

let root: string;
let dir: string;
let result: ScanResult;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'incydent-scan-'));
  dir = buildFixtures(root);
  result = await scanPaths({ paths: [dir], asOf: '2026-11-22', threads: 2 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(name: string) {
  const found = result.files.find((f) => f.path === `${dir}${path.sep}${name}`);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

describe('scan of a folder of mixed files (contract ../shared/contracts/scan.md)', () => {
  it.each([
    // name, format, records, identifiers
    [
      'klienci.csv',
      'csv',
      4,
      {
        pesel: { valid: 3, distinct: 3, invalid: 1 },
        iban: { valid: 1, distinct: 1 },
        email: { valid: 2, distinct: 2 },
        phone: { valid: 2, distinct: 2 },
      },
    ],
    ['pacjenci-cp1250.csv', 'csv', 2, {}],
    ['dane.tsv', 'tsv', 1, { email: { valid: 1, distinct: 1 }, phone: { valid: 1, distinct: 1 } }],
    [
      'notatka.txt',
      'text',
      0,
      {
        pesel: { valid: 1, distinct: 1 },
        email: { valid: 1, distinct: 1 },
        phone: { valid: 1, distinct: 1 },
      },
    ],
    ['zdarzenia.jsonl', 'jsonl', 2, { email: { valid: 2, distinct: 2 } }],
    ['sub/eksport.json', 'json', 2, { pesel: { valid: 2, distinct: 2 }, card: { valid: 1, distinct: 1 } }],
    ['arkusz.xlsx', 'xlsx', 2, { pesel: { valid: 2, distinct: 2 }, email: { valid: 2, distinct: 2 } }],
    ['arkusz.ods', 'ods', 2, { pesel: { valid: 2, distinct: 2 } }],
    ['pismo.docx', 'docx', 0, { idCard: { valid: 1, distinct: 1 }, passport: { valid: 1, distinct: 1 } }],
    ['pismo.odt', 'odt', 0, { nip: { valid: 1, distinct: 1 } }],
    ['skan.pdf', 'pdf', 0, { pesel: { valid: 1, distinct: 1 } }],
    ['poczta.eml', 'eml', 0, { iban: { valid: 1, distinct: 1 }, email: { valid: 2, distinct: 2 } }],
    ['poczta.eml!/lista.csv', 'csv', 1, { pesel: { valid: 1, distinct: 1 } }],
    ['paczka.zip!/w-srodku.csv', 'csv', 1, { pesel: { valid: 1, distinct: 1 } }],
    ['paczka.zip!/zagniezdzone.zip!/gleboko.txt', 'text', 0, { regon: { valid: 1, distinct: 1 } }],
  ])('%s: format %s, %i records, exact identifier counts', (name, format, records, identifiers) => {
    expect(file(name)).toMatchObject({ format, records, error: null });
    expect(file(name).identifiers).toEqual(identifiers);
  });

  it('reports damaged files and archive tricks as that file’s error and goes on', () => {
    expect(file('uszkodzony.xlsx').error).toMatch(/uszkodzony/);
    expect(file('uszkodzony.pdf').error).toMatch(/uszkodzony/);
    expect(file('paczka.zip!/../poza.txt').error).toMatch(/poza archiwum/);
    expect(file('paczka.zip!/bomba.txt').error).toMatch(/bomby/);
  });

  it('totals: distinct people, children by PESEL on asOf, categories of the assess contract', () => {
    const t = result.totals;
    expect(t.files).toBe(21);
    expect(t.records).toBe(17);
    expect(t.identifiers.pesel).toEqual({ valid: 13, distinct: 4, invalid: 1 });
    expect(t.identifiers.email).toEqual({ valid: 10, distinct: 8 });
    expect(t.minors).toBe(2); // born 2015 and December 2010; not 2004 nor 1985
    // 4 PESEL + 1 ID card (DOCX paragraph) + 6 e-mails in records without a stronger identifier.
    expect(t.subjectsApprox).toBe(11);
    expect(t.dataCategories).toEqual(['identification', 'contact', 'national-id', 'financial', 'health']);
    // Of UODO's form beyond the identifiers: the names of klienci.csv's header, and health. No address: e-mails
    // and phones are contact data, but no postal code or address column is there.
    expect(t.formCategories).toEqual(['names', 'health']);
  });

  it('gives the form an address only for a postal code or an address column, never for an e-mail or a phone', async () => {
    const folder = mkdtempSync(path.join(root, 'adresy-'));
    const scanOne = async (name: string, text: string) => {
      writeFileSync(path.join(folder, name), text);
      return (await scanPaths({ paths: [path.join(folder, name)], asOf: '2026-11-22', threads: 0 })).totals;
    };
    const contacts = await scanOne('kontakty.txt', 'Pisać na jan@example.pl albo dzwonić: 501 234 567.\n');
    expect(contacts.dataCategories).toEqual(['contact']);
    expect(contacts.formCategories).toEqual([]);
    expect(scanFindings(contacts).dataCategories).toEqual(['email', 'phone']);
    const prose = await scanOne('pismo.txt', 'Mieszka: ul. Polna 1, 15-001 Przykładowo.\n');
    expect(prose.formCategories).toEqual(['address']);
    expect(scanFindings(prose).dataCategories).toEqual(['address']);
    const columns = await scanOne(
      'lista.csv',
      'Imię i nazwisko;Data urodzenia;Miejscowość\nJan Nowak;1980-01-01;Białystok\n',
    );
    expect(columns.formCategories).toEqual(['names', 'birth-date', 'address']);
    // A scan stored before formCategories existed: contact alone names no address; health words still give health.
    const { formCategories: _absent, ...older } = contacts;
    const findings = scanFindings({ ...older, dataCategories: ['contact', 'health'] });
    expect(findings.dataCategories).toEqual(['email', 'phone', 'health']);
  });

  it('takes Excel\'s hint line "sep=;" for the delimiter, and neither it nor the header for a record', async () => {
    const file = path.join(root, 'eksport-excel.csv');
    writeFileSync(
      file,
      `\uFEFFsep=;\r\nImię;Nazwisko;PESEL;E-mail\r\nJan;Kowalski;${ids.adult};jan@example.pl\r\nAnna;Nowak;${ids.child};anna@example.pl\r\n`,
    );
    const { totals } = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
    expect(totals.records).toBe(2);
    expect(totals.identifiers.pesel.valid).toBe(2);
    expect(totals.formCategories).toContain('names');
  });

  it("finds the header under a report's title lines, which are no records, whatever the delimiter", async () => {
    for (const [name, text] of [
      ['raport.csv', `Raport: klienci\r\n\r\nImię;Nazwisko;PESEL\r\nJan;Kowalski;${ids.adult}\r\n`],
      [
        'raport-przecinki.csv',
        `Raport, stan na dzień 1.01.2025\nimie,nazwisko,pesel\nJan,Kowalski,${ids.adult}\nOla,Nowak,${ids.child}\n`,
      ],
    ] as const) {
      const file = path.join(root, name);
      writeFileSync(file, text);
      const { totals } = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
      expect(totals.formCategories, name).toContain('names');
      expect(totals.records, name).toBe(name === 'raport.csv' ? 1 : 2);
      expect(totals.identifiers.pesel.valid, name).toBe(name === 'raport.csv' ? 1 : 2);
    }
  });

  it("finds a sheet's header under its title rows, which are read but are no records", async () => {
    const file = path.join(root, 'klasa.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Klasa 3b');
    sheet.addRow(['Lista uczniów klasy 3b — leczenie specjalistyczne']);
    sheet.addRow(['stan na 1 września 2026']);
    sheet.addRow([]);
    sheet.addRow(['Imię i nazwisko', 'PESEL', 'Adres']);
    sheet.addRow(['Ola Nowak', ids.child, 'ul. Zielona 1, 15-001 Białystok']);
    sheet.addRow(['Jan Kowalski', ids.adult, 'ul. Długa 5, 00-950 Warszawa']);
    // A sheet without a header: its first rows are records all the same.
    const plain = book.addWorksheet('Bez nagłówka');
    for (const pesel of [ids.teen, ids.zeroLed]) plain.addRow([pesel]);
    await book.xlsx.writeFile(file);
    const listFile = path.join(root, 'klasa-osoby.csv');
    const { totals } = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0, listFile });
    expect(totals.records).toBe(4);
    expect(totals.identifiers.pesel.valid).toBe(4);
    expect(totals.formCategories).toEqual(expect.arrayContaining(['names', 'address', 'health']));
    const { recipients } = recipientsFromScanList(readFileSync(listFile));
    expect(recipients.map((r) => `${r.firstName} ${r.lastName}`).sort()).toEqual([
      'Jan Kowalski',
      'Ola Nowak',
    ]);
  });

  it('reads a " inside an unquoted cell as text (27" screen), and "" inside quotes as a quote, as Excel does', async () => {
    const file = path.join(root, 'sprzet.csv');
    const rows = ['id;sprzęt;pesel;uwagi'];
    for (let k = 0; k < 600; k++) {
      const pesel = makePesel(1970 + (k % 40), 1 + (k % 12), 1 + (k % 28), k);
      const kit = k % 3 === 0 ? 'Monitor 27"' : k % 3 === 1 ? '"Laptop 15"" z torbą"' : 'Stół 2"x4"';
      rows.push(`${k};${kit};${pesel};${k % 5 === 0 ? '"wydano\nzwrócono"' : 'brak'}`);
    }
    writeFileSync(file, `${rows.join('\n')}\n`);
    const one = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
    // Were a " anywhere to open quotes, the first 27" would make the rest of the file one record.
    expect(one.totals.records).toBe(600);
    expect(one.totals.identifiers.pesel.valid).toBe(600);
    expect(one.totals.subjectsApprox).toBe(600);
    const parts = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 2, splitAbove: 1024 });
    expect(parts.totals).toEqual(one.totals);
  });

  it('scans a file cut into parts on several threads exactly as in one piece, quoted line breaks included', async () => {
    const big = path.join(root, 'duzy.csv');
    const rows = ['pesel;uwagi'];
    for (let k = 0; k < 3000; k++) {
      rows.push(
        k % 7 === 0
          ? `${ids.adult};"wiersz\ndrugi ${ids.child}"`
          : `${k % 2 ? ids.teen : ids.zeroLed};zwykły`,
      );
    }
    writeFileSync(big, `${rows.join('\n')}\n`);
    const one = await scanPaths({ paths: [big], asOf: '2026-11-22', threads: 0 });
    let done = 0;
    const parts = await scanPaths({
      paths: [big],
      asOf: '2026-11-22',
      threads: 2,
      splitAbove: 1024,
      onProgress: (p) => {
        done = p.bytesDone;
      },
    });
    expect(one.totals.records).toBe(3000);
    expect(parts.totals).toEqual(one.totals);
    // The progress ends at the file's size, its header included.
    expect(done).toBe(statSync(big).size);
    // As the command scans: this thread takes parts beside one worker.
    const here = await scanPaths({
      paths: [big],
      asOf: '2026-11-22',
      threads: 2,
      splitAbove: 1024,
      scanHere: true,
    });
    expect(here.totals).toEqual(one.totals);
  });

  it('keeps a record whole when a part is cut inside its quoted line breaks: one person, not two halves', async () => {
    // Each record's e-mail stands before a quoted note of twenty lines and its PESEL after it: most line ends are
    // inside quotes, so most cuts between parts fall inside a record. Cut in two, a record would give a person by
    // the e-mail (its half without a PESEL) and another by the PESEL.
    const file = path.join(root, 'notatki.csv');
    const note = Array.from({ length: 20 }, (_, k) => `linia ${k} notatki`).join('\n');
    const rows = ['email;uwagi;pesel'];
    for (let k = 0; k < 2000; k++) {
      rows.push(
        `osoba${k}@example.pl;"${note}";${makePesel(1950 + (k % 60), 1 + (k % 12), 1 + (k % 28), k)}`,
      );
    }
    writeFileSync(file, `${rows.join('\n')}\n`);
    const one = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
    expect(one.totals.records).toBe(2000);
    expect(one.totals.subjectsApprox).toBe(2000);
    for (const scanHere of [false, true]) {
      const parts = await scanPaths({
        paths: [file],
        asOf: '2026-11-22',
        threads: 2,
        splitAbove: 1024,
        scanHere,
      });
      expect(parts.totals).toEqual(one.totals);
    }
    // With a people list the parts are scanned in JavaScript (the kernel keeps no names): the same record whole.
    const listFile = path.join(root, 'notatki-osoby.csv');
    const listed = await scanPaths({
      paths: [file],
      asOf: '2026-11-22',
      threads: 2,
      splitAbove: 1024,
      listFile,
    });
    expect(listed.totals).toEqual(one.totals);
    expect(readFileSync(listFile, 'utf8').trim().split('\n')).toHaveLength(2001);

    // A note longer than whole parts (60 KB, parts of a few KB): the record still reads as one, the parts it ran
    // over are left out, and an unclosed quote at the end runs to the end of the file, as in one piece.
    const long = path.join(root, 'dlugie-notatki.csv');
    const longNote = Array.from({ length: 3000 }, (_, k) => `wiersz ${k} "cytat" notatki`).join('\n');
    const longRows = ['email;uwagi;pesel'];
    for (let k = 0; k < 400; k++) {
      longRows.push(
        `osoba${k}@example.pl;"${k % 50 === 0 ? longNote.replaceAll('"', '""') : 'krótka'}";${makePesel(1960, 1 + (k % 12), 1 + (k % 28), k)}`,
      );
    }
    for (const tail of ['', 'ostatni@example.pl;"bez końca\nbez końca\n']) {
      writeFileSync(long, `${longRows.join('\n')}\n${tail}`);
      const whole = await scanPaths({ paths: [long], asOf: '2026-11-22', threads: 0 });
      // The unclosed record is no whole record, but its e-mail is a person's.
      expect(whole.totals.records).toBe(400);
      expect(whole.totals.subjectsApprox).toBe(tail ? 401 : 400);
      for (const threads of [2, 8]) {
        const split = await scanPaths({ paths: [long], asOf: '2026-11-22', threads, splitAbove: 1024 });
        expect(split.totals, `${threads} threads`).toEqual(whole.totals);
      }
    }
  });

  it('gives each of many small files its own counts, in name order, in batches and beside a file cut into parts', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-batches-'));
    try {
      // 75 small files (more than two batches of 32), file k with k + 1 people, some of them in other files too,
      // and among them by name a file large enough to cut into parts.
      const pesel = (n: number) => makePesel(1950 + (n % 50), 1 + (n % 12), 1 + (n % 28), n);
      const everyone = new Set<string>();
      const table = (numbers: number[]) => {
        for (const n of numbers) everyone.add(pesel(n));
        return `pesel;uwagi\n${numbers.map((n) => `${pesel(n)};x`).join('\n')}\n`;
      };
      for (let k = 0; k < 75; k++) {
        const name = `f${String(k).padStart(3, '0')}.csv`;
        writeFileSync(
          path.join(base, name),
          table(Array.from({ length: k + 1 }, (_, j) => (k * 7 + j) % 300)),
        );
      }
      writeFileSync(path.join(base, 'f037-duzy.csv'), table(Array.from({ length: 600 }, (_, j) => 1000 + j)));
      const one = await scanPaths({ paths: [base], asOf: '2026-11-22', threads: 0 });
      const names = one.files.map((f) => path.basename(f.path));
      expect(names).toEqual([...names].sort());
      expect(names).toHaveLength(76);
      for (const f of one.files) {
        const k = Number(path.basename(f.path).slice(1, 4));
        const rows = f.path.endsWith('duzy.csv') ? 600 : k + 1;
        expect([f.records, f.identifiers.pesel?.valid, f.identifiers.pesel?.distinct], f.path).toEqual([
          rows,
          rows,
          rows,
        ]);
      }
      expect(one.totals.identifiers.pesel).toMatchObject({ valid: 75 * 38 + 600, distinct: everyone.size });
      const parts = await scanPaths({ paths: [base], asOf: '2026-11-22', threads: 2, splitAbove: 4096 });
      expect(parts).toEqual(one);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('gives a folder of mixed files the same result when this thread scans beside the workers', async () => {
    const here = await scanPaths({ paths: [dir], asOf: '2026-11-22', threads: 2, scanHere: true });
    expect(here).toEqual(result);
    const alone = await scanPaths({ paths: [dir], asOf: '2026-11-22', threads: 1, scanHere: true });
    expect(alone).toEqual(result);
  });
});

describe('worker pool', () => {
  it('fails the jobs of a worker that ends before finishing them, rather than leaving them waiting', async () => {
    const pool = new WorkerPool(1);
    const job = pool.run(
      {
        kind: 'files',
        files: [{ path: path.join(dir, 'klienci.csv'), display: 'klienci.csv', size: 1 }],
        listPeople: false,
      },
      () => {},
    );
    // Ended while it starts, before it can scan anything.
    await pool.close();
    await expect(job).rejects.toThrow('scan worker ended');
    // Nor does it count anything any more.
    expect(pool.countElsewhere([])).toBeNull();
  });
});

describe('encodings of Polish exports', () => {
  it.each([
    ['UTF-8', Buffer.from('Łódź;żółć'), 'utf8'],
    ['Windows-1250', iconv.encode('Świętosław;źdźbło;ąę', 'windows-1250'), 'windows-1250'],
    ['ISO-8859-2', iconv.encode('Świętosław;źdźbło;ąę', 'iso-8859-2'), 'iso-8859-2'],
  ])('%s is recognised', (_name, bytes, expected) => {
    expect(detectEncoding(bytes)).toBe(expected);
  });
});

describe('incydent scan (CLI)', () => {
  const secrets = () => [
    ids.adult,
    ids.child,
    ids.teen,
    ids.idCard,
    ids.passport,
    'jan@example.pl',
    '601 234 567',
  ];

  it('prints a summary and JSON without any identifier; only --list holds them', async () => {
    const listFile = path.join(root, 'osoby.csv');
    const human = await runMain(['scan', dir, '--as-of', '2026-11-22', '--list', listFile]);
    expect(human.code).toBe(0);
    const json = await runMain(['scan', dir, '--json', '--as-of', '2026-11-22']);
    expect(json.code).toBe(0);
    const printed = human.stdout + human.stderr + json.stdout + json.stderr;
    for (const secret of secrets()) expect(printed).not.toContain(secret);
    expect(human.stdout).toContain('Osoby (szacunek): 11');
    // What the breach's section 6 would get, in the form's words and order: the header's names, the identifiers.
    expect(human.stdout).toMatch(
      /^Do zgłoszenia UODO \(pkt 6\): Nazwiska i imiona; .*Numer ewidencyjny PESEL/m,
    );
    expect(human.stdout).not.toContain('Adres zamieszkania');
    expect(JSON.parse(json.stdout).totals.subjectsApprox).toBe(11);
    const list = readFileSync(listFile, 'utf8');
    expect(list).toContain(ids.adult);
    expect(list.trim().split('\r\n')).toHaveLength(12); // header + 11 people
  });

  it('exits with 2 naming the missing path, in English with --lang en', async () => {
    const run = await runMain(['scan', path.join(root, 'nie-ma'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder');
    expect(run.stderr).toContain('nie-ma');
  });

  it('refuses an --as-of day that does not exist, naming the option', async () => {
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01']) {
      const run = await runMain(['scan', dir, '--as-of', day]);
      expect(run.code, day).toBe(2);
      expect(run.stderr, day).toContain(`--as-of musi być datą RRRR-MM-DD, podano: ${day}`);
    }
    expect((await runMain(['scan', path.join(dir, 'notatka.txt'), '--as-of', '2024-02-29'])).code).toBe(0);
  });

  it('lists a file it cannot read, and a folder, with their error, and goes on (exit 0)', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-perm-'));
    try {
      mkdirSync(path.join(base, 'sub'));
      writeFileSync(path.join(base, 'ok.txt'), `PESEL ${ids.adult}\n`);
      writeFileSync(path.join(base, 'tajne.txt'), `PESEL ${ids.child}\n`);
      writeFileSync(path.join(base, 'sub', 'a.txt'), 'x\n');
      chmodSync(path.join(base, 'tajne.txt'), 0o000);
      chmodSync(path.join(base, 'sub'), 0o000);
      chmodSync(base, 0o755);
      // Root reads anything: the command runs as nobody then (setpriv, util-linux), as a DPO's own account would.
      const command = [process.execPath, path.resolve('bin/incydent.js'), 'scan', base, '--json'];
      const asUser =
        process.getuid?.() === 0
          ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command]
          : command;
      const run = spawnSync(asUser[0]!, asUser.slice(1), { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as ScanResult;
      expect(out.files.map((f) => [path.basename(f.path), f.error])).toEqual([
        ['ok.txt', null],
        ['sub', 'nie można odczytać pliku'],
        ['tajne.txt', 'nie można odczytać pliku'],
      ]);
      expect(out.totals.identifiers.pesel.valid).toBe(1);
    } finally {
      chmodSync(path.join(base, 'sub'), 0o755);
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('runs its workers when Node itself was given heap limits, which a worker refuses', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=512',
        // V8 reads underscores as dashes.
        '--max_semi_space_size=16',
        'bin/incydent.js',
        'scan',
        dir,
        '--json',
        '--threads',
        '2',
        '--as-of',
        '2026-11-22',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as ScanResult).totals).toEqual(result.totals);
  });

  it('scans a folder of more files than it may open at once', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-many-'));
    try {
      for (let k = 0; k < 400; k++) writeFileSync(path.join(base, `f${k}.txt`), `PESEL ${ids.adult}\n`);
      const run = spawnSync(
        'bash',
        ['-c', `ulimit -n 128 && exec "${process.execPath}" bin/incydent.js scan "${base}" --json`],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as ScanResult).totals.identifiers.pesel).toMatchObject({ valid: 400 });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('counts cards of 13 to 19 digits only; marks as children in --list exactly those minors counts', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-edges-'));
    try {
      // Maestro numbers of 12 and 13 digits, both passing Luhn: the contract counts 13–19.
      writeFileSync(
        path.join(base, 'karty.txt'),
        `karta ${makeCard('50', 12)}\nkarta ${makeCard('50', 13)}\n`,
      );
      // On 2026-01-15: a child of 2010, one born the next day (not yet born), one of the 2100s, an adult.
      const born = [
        makePesel(2010, 5, 1, 1),
        makePesel(2026, 1, 16, 2),
        makePesel(2100, 3, 1, 3),
        makePesel(1980, 1, 1, 4),
      ];
      writeFileSync(path.join(base, 'osoby.txt'), born.map((p) => `PESEL ${p}`).join('\n\n'));
      const listFile = path.join(base, 'lista.csv');
      const run = await runMain(['scan', base, '--json', '--as-of', '2026-01-15', '--list', listFile]);
      const out = JSON.parse(run.stdout) as ScanResult;
      expect(out.totals.identifiers.card).toMatchObject({ valid: 1 });
      expect(out.totals.minors).toBe(1);
      const children = readFileSync(listFile, 'utf8')
        .split('\r\n')
        .filter((line) => line.includes(';tak;'));
      expect(children).toHaveLength(1);
      expect(children[0]).toContain(born[0]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('reads a PESEL column past the 1024th as the JavaScript scanner does (the kernel knows 1024 columns)', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-wide-'));
    try {
      const header = Array.from({ length: 1100 }, (_, k) => (k === 1050 ? 'PESEL' : `k${k}`));
      // A PESEL of 1905 that Excel stored as a number: its leading zero dropped, ten digits left.
      const row = header.map((_, k) => (k === 1050 ? makePesel(1905, 3, 1, 7).slice(1) : 'x'));
      writeFileSync(path.join(base, 'szeroka.csv'), `${header.join(';')}\n${row.join(';')}\n`);
      const out = await scanPaths({ paths: [base], asOf: '2026-11-22', threads: 0 });
      expect(out.totals.identifiers.pesel).toMatchObject({ valid: 1 });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('reads a PESEL of 2000 without both zeros, phones after +48 and 0048, a lower-case pl account, numbers after an escaped line break or glued to letters', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-forms-'));
    try {
      const born2000 = makePesel(2000, 7, 5, 525); // 0027050525x: Excel keeps 27050525x
      writeFileSync(path.join(base, 'uczniowie.csv'), `Nazwisko;PESEL\nNowak;${born2000.slice(2)}\n`);
      writeFileSync(path.join(base, 'telefony.txt'), 'tel. +48601234567\ntel. 0048601234568\n');
      writeFileSync(
        path.join(base, 'konta.txt'),
        'konto pl61 1090 1014 0000 0712 1981 2874\n\npl27114020040000300201355387\n',
      );
      // The contract counts every 11-digit number not part of a longer run of digits, letters touching it or not.
      writeFileSync(
        path.join(base, 'sklejone.txt'),
        `PESEL${ids.adult}\n\nx${ids.adult}x\n\nID${ids.teen}\n`,
      );
      writeFileSync(path.join(base, 'log.json'), `{"a":"PESEL:\\n${ids.adult}","b":"tel\\t601234569"}\n`);
      const out = await scanPaths({ paths: [base], asOf: '2026-11-22', threads: 0 });
      const counts = Object.fromEntries(out.files.map((f) => [path.basename(f.path), f.identifiers]));
      expect(counts).toEqual({
        'uczniowie.csv': { pesel: { valid: 1, distinct: 1 } },
        'telefony.txt': { phone: { valid: 2, distinct: 2 } },
        'konta.txt': { iban: { valid: 2, distinct: 2 } },
        'sklejone.txt': { pesel: { valid: 3, distinct: 2 } },
        'log.json': { pesel: { valid: 1, distinct: 1 }, phone: { valid: 1, distinct: 1 } },
      });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('skips the header where it ends: after blank lines, with a line break inside a quoted cell, with lines ended by CR', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-header-'));
    try {
      const rows = `Jan;x;${ids.adult}\r\nAnna;y;${ids.teen}\r\n`;
      writeFileSync(path.join(base, 'pusta-linia.csv'), `\r\nImie;Uwagi;PESEL\r\n${rows}`);
      writeFileSync(path.join(base, 'naglowek.csv'), `"Imie";"Uwagi\r\nwielolinijkowe";"PESEL"\r\n${rows}`);
      // Excel for Mac's "CSV (Macintosh)": lines end with CR alone.
      writeFileSync(path.join(base, 'mac.csv'), `Imie;Uwagi;PESEL\r${rows.replaceAll('\r\n', '\r')}`);
      const out = await scanPaths({ paths: [base], asOf: '2026-11-22', threads: 0 });
      expect(out.files.map((f) => [path.basename(f.path), f.records, f.identifiers.pesel?.valid])).toEqual([
        ['mac.csv', 2, 2],
        ['naglowek.csv', 2, 2],
        ['pusta-linia.csv', 2, 2],
      ]);
      expect(out.totals.formCategories).toContain('names');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('gives each person of a table the name and address of their row in --list (CSV and XLSX)', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-names-'));
    try {
      writeFileSync(
        path.join(base, 'uczniowie.csv'),
        `Imię;Nazwisko;PESEL;Ulica;Kod pocztowy;Miejscowość\r\nJan;Kowalski;${ids.adult};"ul. Długa 5, m. 3";00-950;Warszawa\r\n`,
      );
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Lista');
      sheet.addRow(['Imię i nazwisko', 'PESEL', 'Adres']);
      sheet.addRow(['Ola Nowak', ids.child, 'ul. Zielona 1, 15-001 Białystok']);
      sheet.addRow(['', ids.teen, '']);
      await book.xlsx.writeFile(path.join(base, 'lista.xlsx'));
      const listFile = path.join(base, 'osoby.csv');
      const run = await runMain(['scan', base, '--as-of', '2026-11-22', '--list', listFile]);
      expect(run.code).toBe(0);
      const rows = readFileSync(listFile, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      const header = rows[0]!.split(';');
      const of = (pesel: string) => {
        const cells = rows
          .find((r) => r.startsWith(`pesel:${pesel};`))!
          .split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
        return [cells[header.indexOf('imię i nazwisko')], cells[header.indexOf('adres')]];
      };
      expect(of(ids.adult)).toEqual(['Jan Kowalski', 'ul. Długa 5, m. 3, 00-950 Warszawa']);
      expect(of(ids.child)).toEqual(['Ola Nowak', 'ul. Zielona 1, 15-001 Białystok']);
      expect(of(ids.teen)).toEqual(['', '']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('gives a person found in several files one name and address, from one row, and the same list whatever the order of the scan', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-names-'));
    try {
      const header = 'Imię;Nazwisko;PESEL;Ulica;Kod pocztowy;Miejscowość;E-mail\r\n';
      // b.csv names the person fully; a.csv gives a name alone; c.csv another full name and address. Each file
      // has its own e-mail address (a.csv two): they are listed in the order of the files' paths.
      writeFileSync(
        path.join(base, 'a.csv'),
        `${header}Janek;Kowalski;${ids.adult};;;;jan@a.pl\r\nJanek;Kowalski;${ids.adult};;;;jan2@a.pl\r\n`,
      );
      writeFileSync(
        path.join(base, 'b.csv'),
        `${header}Jan;Kowalski;${ids.adult};ul. Długa 5;00-950;Warszawa;jan@b.pl\r\n`,
      );
      writeFileSync(
        path.join(base, 'c.csv'),
        `${header}J.;Kowalski;${ids.adult};ul. Krótka 1;15-001;Białystok;jan@a.pl\r\n`,
      );
      const listed = async (paths: string[], threads: number) => {
        const listFile = path.join(base, `osoby-${threads}.txt`);
        await scanPaths({ paths, asOf: '2026-11-22', threads, listFile });
        const bytes = readFileSync(listFile);
        const [headerRow, row] = bytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .split('\r\n');
        const email = row!.split(';')[headerRow!.split(';').indexOf('email')];
        return {
          recipient: recipientsFromScanList(bytes).recipients[0],
          email,
          text: bytes.toString('utf8'),
        };
      };
      const names = ['a.csv', 'b.csv', 'c.csv'].map((n) => path.join(base, n));
      const expected = await listed(names, 0);
      expect(expected.recipient).toMatchObject({
        firstName: 'Jan',
        lastName: 'Kowalski',
        addressLines: ['ul. Długa 5', '00-950 Warszawa'],
      });
      expect(expected.email).toBe('jan@a.pl jan2@a.pl jan@b.pl');
      for (const order of [
        [2, 1, 0],
        [1, 2, 0],
        [0, 2, 1],
      ]) {
        const paths = order.map((k) => names[k]!);
        expect((await listed(paths, 0)).text).toBe(expected.text);
        expect((await listed(paths, 3)).text).toBe(expected.text);
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('reads a forwarded message, Excel "Unicode text" as a table, JSON lines in a .json; a pipe, a header alone and binary bytes give nothing', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-odd-'));
    try {
      const inner = await new MailComposer({
        from: 'a@example.pl',
        to: 'b@example.pl',
        subject: 'lista',
        text: 'w załączniku',
        attachments: [{ filename: 'l.csv', content: `pesel\n${ids.adult}\n${ids.child}\n` }],
      })
        .compile()
        .build();
      const outer = await new MailComposer({
        from: 'c@example.pl',
        to: 'd@example.pl',
        subject: 'Fwd: lista',
        text: 'przesyłam',
        attachments: [{ content: inner, contentType: 'message/rfc822' }],
      })
        .compile()
        .build();
      writeFileSync(path.join(base, 'przekazana.eml'), outer);
      // Excel's "Unicode text": UTF-16 with a BOM, tabs, a header, a PESEL of 2005 without its leading zero.
      const unicode = `Nazwisko\tImię\tPESEL\r\nNowak\tJan\t${makePesel(2005, 3, 1, 7).slice(1)}\r\n`;
      writeFileSync(
        path.join(base, 'eksport.txt'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unicode, 'utf16le')]),
      );
      writeFileSync(path.join(base, 'pusta.csv'), 'Imię;Nazwisko;PESEL\n');
      writeFileSync(path.join(base, 'linie.json'), `{"pesel":"${ids.adult}"}\n{"pesel":"${ids.child}"}\n`);
      writeFileSync(
        path.join(base, 'dane'),
        Buffer.from([1, 2, 3, 52, 52, 48, 53, 49, 52, 48, 49, 51, 53, 57, 0, 7]),
      );
      spawnSync('mkfifo', [path.join(base, 'kolejka')]);
      const out = await scanPaths({
        paths: [base, path.join(base, 'kolejka')],
        asOf: '2026-11-22',
        threads: 0,
      });
      const byName = Object.fromEntries(out.files.map((f) => [path.basename(f.path), f]));
      expect(byName['l.csv']?.identifiers.pesel).toMatchObject({ valid: 2 });
      expect(byName['eksport.txt']).toMatchObject({ records: 1, identifiers: { pesel: { valid: 1 } } });
      expect(byName['pusta.csv']).toMatchObject({ records: 0, identifiers: {} });
      expect(byName['linie.json']).toMatchObject({ records: 2, identifiers: { pesel: { valid: 2 } } });
      expect(byName.dane).toMatchObject({ format: 'unknown', identifiers: {} });
      expect(byName.kolejka).toMatchObject({ error: 'nie można odczytać pliku' });
      // Names and a PESEL column come from the Unicode text's header; the empty table says nothing.
      expect(out.totals.formCategories).toContain('names');
      const alone = await scanPaths({
        paths: [path.join(base, 'pusta.csv')],
        asOf: '2026-11-22',
        threads: 0,
      });
      expect(alone.totals.dataCategories).toEqual([]);
      expect(alone.totals.formCategories).toEqual([]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('keeps a quoted address whole when a piece ends inside it, and a formula out of the list', async () => {
    const text = Buffer.from(
      `Jan Kowalski;${ids.adult};"ul. Zielona 1\n00-001 Warszawa"\n@SUM(1+1);${ids.child};"=HYPERLINK(1)"\n`,
    );
    const tally = new ScanTally(true);
    const scanner = new ByteScanner({
      tally,
      mode: 'csv',
      encoding: 'utf8',
      delimiter: 59,
      columns: ['other', 'pesel', 'other'],
      peopleColumns: ['fullName', null, 'address'],
      countRecords: true,
      file: 'x.csv',
    });
    const cut = text.indexOf(10) + 1; // after the line break inside the quotes, as scanChunks cuts
    scanner.scan(text, 0, cut);
    scanner.scan(text, cut, text.length);
    scanner.finish();
    const people = [...tally.people!.values()];
    expect(people.find((p) => p.key === `pesel:${ids.adult}`)).toMatchObject({
      name: 'Jan Kowalski',
      address: 'ul. Zielona 1 00-001 Warszawa',
    });
    const base = mkdtempSync(path.join(tmpdir(), 'incydent-formula-'));
    try {
      const listFile = path.join(base, 'osoby.csv');
      await writePersonList(listFile, people, '2026-11-22');
      const list = readFileSync(listFile, 'utf8');
      expect(list).toContain(";'@SUM(1+1);'=HYPERLINK(1);");
      const read = recipientsFromScanList(readFileSync(listFile));
      expect(read.recipients.map((r) => [r.firstName, r.lastName])).toEqual([
        ['', '@SUM(1+1)'],
        ['Jan', 'Kowalski'],
      ]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('explains how people are counted in --help', async () => {
    const run = await runMain(['scan', '--help']);
    expect(run.stdout).toMatch(/PESEL.*ID-card.*e-mail.*phone/s);
  });
});
