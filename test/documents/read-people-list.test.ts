import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PeopleListError, readPeopleList } from '../../src/documents/read-people-list.ts';

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
