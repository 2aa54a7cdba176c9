import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PeopleListError, readPeopleList } from '../../src/documents/read-people-list.ts';
import { readMailRecipients } from '../../src/mail/read-mail-recipients.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('people list for letters (CSV or XLSX, Polish or English headers)', () => {
  it('CSV with semicolons, UTF-8 with BOM, separate postal code and town', async () => {
    const people = await readPeopleList(
      bytes(
        '\uFEFFImię;Nazwisko;Adres;Kod pocztowy;Miejscowość\r\nŻaneta;Łęcka;ul. Źródlana 1;15-001;Białystok\r\n',
      ),
      'a.csv',
    );
    expect(people).toEqual([
      {
        firstName: 'Żaneta',
        lastName: 'Łęcka',
        addressLines: ['ul. Źródlana 1', '15-001 Białystok'],
        form: 'female',
      },
    ]);
  });

  it('CSV saved with Excel\'s hint line "sep=;" before the header', async () => {
    const people = await readPeopleList(
      bytes('\uFEFFsep=;\r\nImię;Nazwisko;Adres\r\nJan;Nowak;"ul. Długa 1, 15-001 Białystok"\r\n'),
      'c.csv',
    );
    expect(people).toEqual([
      {
        firstName: 'Jan',
        lastName: 'Nowak',
        addressLines: ['ul. Długa 1', '15-001 Białystok'],
        form: 'male',
      },
    ]);
  });

  it('XLSX and CSV with title rows above the header; an e-mail list too, its rows numbered as in the file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Klasa 3b');
    sheet.addRow(['Lista uczniów klasy 3b']);
    sheet.addRow(['stan na 1 września 2026']);
    sheet.addRow(['Imię', 'Nazwisko', 'Adres', 'E-mail']);
    sheet.addRow(['Ola', 'Nowak', 'ul. Zielona 1, 15-001 Białystok', 'ola@example.pl']);
    sheet.addRow(['Jan', 'Kowalski', 'ul. Długa 5, 00-950 Warszawa', 'bez adresu']);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const people = await readPeopleList(xlsx, 'klasa.xlsx');
    expect(people.map((p) => p.lastName)).toEqual(['Nowak', 'Kowalski']);
    const csv = bytes(
      'Raport: klienci\r\nImię;Nazwisko;Adres\r\nJan;Nowak;"ul. Długa 1, 15-001 Białystok"\r\n',
    );
    expect((await readPeopleList(csv, 'raport.csv')).map((p) => p.lastName)).toEqual(['Nowak']);
    const mail = await readMailRecipients(xlsx, 'klasa.xlsx');
    expect(mail.recipients.map((r) => r.email)).toEqual(['ola@example.pl']);
    // Jan's row is the fifth of the sheet.
    expect(mail.skipped).toEqual([{ row: 5, reason: 'brak poprawnego adresu e-mail' }]);
  });

  it('CSV with commas and quotes, English headers, one name column, Windows-1250 bytes', async () => {
    const text =
      'Name,Address,Gender\r\n"Grzegorz Brzęczyszczykiewicz","ul. Chrząszczowa 2, 00-950 Warszawa",M\r\n';
    const people = await readPeopleList(iconv.encode(text, 'win1250'), 'b.csv', 'en');
    expect(people[0]).toEqual({
      firstName: 'Grzegorz',
      lastName: 'Brzęczyszczykiewicz',
      addressLines: ['ul. Chrząszczowa 2', '00-950 Warszawa'],
      form: 'male',
    });
  });

  it('XLSX, first sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Osoby');
    sheet.addRows([
      ['IMIĘ', 'NAZWISKO', 'ULICA', 'MIEJSCOWOŚĆ'],
      ['Jan', 'Nowak', 'ul. Lipowa 1', 'Kraków'],
    ]);
    const people = await readPeopleList(new Uint8Array(await workbook.xlsx.writeBuffer()), 'c.xlsx');
    expect(people[0]).toMatchObject({
      firstName: 'Jan',
      lastName: 'Nowak',
      addressLines: ['ul. Lipowa 1', 'Kraków'],
    });
  });

  it('a missing column is named, with the columns found', async () => {
    await expect(readPeopleList(bytes('imię;nazwisko\nJan;Nowak\n'), 'd.csv')).rejects.toThrow(
      'W pliku „d.csv” brak kolumny „adres” (lub „ulica” z „miejscowość”). Znalezione kolumny: „imię”, „nazwisko”.',
    );
  });

  it('an empty required cell names the row and the column', async () => {
    const error = await readPeopleList(
      bytes('imię;nazwisko;adres\nJan;Nowak;ul. A 1\nAnna;;ul. B 2\n'),
      'e.csv',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeopleListError);
    expect((error as Error).message).toBe('Plik „e.csv”, wiersz 3: puste pole w kolumnie „nazwisko”.');
  });
});
