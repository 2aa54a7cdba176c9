import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPeopleList } from '../../src/documents/read-people-list.ts';
import { renderCsv } from '../../src/documents/render-csv.ts';
import { renderDocx } from '../../src/documents/render-docx.ts';
import { renderPdf } from '../../src/documents/render-pdf.ts';
import { renderPdfStreamToBuffer } from '../../src/documents/render-pdf-stream.ts';
import { renderXlsx } from '../../src/documents/render-xlsx.ts';
import { buildAssessmentRecord } from '../../src/domain/documents/build-assessment-record.ts';
import { buildInternalReport } from '../../src/domain/documents/build-internal-report.ts';
import { buildPublicCommunication } from '../../src/domain/documents/build-public-communication.ts';
import { buildRegister } from '../../src/domain/documents/build-register.ts';
import { buildSubjectLetters } from '../../src/domain/documents/build-subject-letter.ts';
import { buildUodoNotification } from '../../src/domain/documents/build-uodo-notification.ts';
import type { DocumentModel } from '../../src/domain/documents/document-model.ts';
import { documentDate, loadCase, missing, peopleCsvUrl } from './cases.ts';
import { docxPart, docxText, pdfText, xlsxSheets } from './extract-text.ts';

const mopr = loadCase('mopr-bialystok-2019');
const insurance = loadCase('insurance-misdirected-email');
const options = { lang: 'pl' as const, generatedAt: documentDate, version: '1' };

/** Words every document must spell right: Polish letters survive font embedding and text extraction. */
const polish = ['Miejski Ośrodek Pomocy Rodzinie w Białymstoku'];
const chrome = ['Data dokumentu: 11.10.2019', 'wersja 1', 'strona 1 z'];

/** What each document must say, by name: the law's and the form's elements, and the case's own figures. */
const required = {
  'internal-report': [
    // seed 003 Załącznik 1, points 1–7 and the signatures
    'Raport z naruszenia ochrony danych',
    '1. Data i godzina',
    '31.12.2015',
    '12:00',
    'Osoba powiadamiająca o naruszeniu oraz inne osoby zaangażowane lub odpytane',
    'Kierownik Działu Świadczeń Rodzinnych',
    'Lokalizacja zdarzenia',
    'ul. gen. J. Bema 89D',
    'Rodzaj naruszenia i określenie okoliczności towarzyszących naruszeniu',
    'Naruszenie poufności danych',
    '5. Podjęte działania',
    'Wstępna ocena przyczyn wystąpienia naruszenia',
    'Postępowanie wyjaśniające i naprawcze',
    'Blokada zapisu na nośnikach zewnętrznych',
    '(podpis pracownika)',
    '(data i podpis Inspektora ochrony danych)',
  ],
  'uodo-notification': [
    'do Prezesa Urzędu Ochrony Danych Osobowych (art. 33 RODO)',
    ...[
      '1. Typ zgłoszenia',
      '2A. Dane administratora danych',
      '2B. Adres siedziby administratora danych',
      '2C. Osoby uprawnione do reprezentowania administratora',
      '2E. Inspektor ochrony danych',
      '3A. Wykrycie naruszenia i powiadomienie organu nadzorczego',
      '3B. Czas naruszenia',
      '4A. Opis naruszenia',
      '4B. Na czym polegało naruszenie?',
      '4D. Przyczyna naruszenia',
      '4E. Charakter naruszenia',
      '5. Liczba osób i wpisów',
      '6. Kategorie danych osobowych',
      '7. Kategorie osób',
      '8. Możliwe konsekwencje',
      '9. Środki bezpieczeństwa i środki zaradcze',
      '10. Czy osoby, których dane dotyczą, zostały zawiadomione o naruszeniu?',
      '11. Przetwarzanie transgraniczne',
    ],
    'Zgłoszenie kompletne/jednorazowe',
    // art. 33(3)(a): nature, categories and approximate numbers of people and records
    'Opisz szczegółowo na czym polegało naruszenie',
    'Przybliżona liczba osób, których dotyczy naruszenie',
    'ok. 4200',
    'Przybliżona liczba wpisów danych osobowych',
    'ok. 12 000',
    'Numer ewidencyjny PESEL',
    'Dane dotyczące zdrowia',
    'Klienci podmiotów publicznych',
    // (b) the DPO's name and contact
    'Katarzyna Podleśna',
    '85 67 83 120',
    'iod@mopr.bialystok.pl',
    // (c) likely consequences, with the high-risk answer and its reason
    'Uszczerbek fizyczny, majątkowy, niemajątkowy lub inne znaczące konsekwencje',
    'Kradzież lub sfałszowanie tożsamości',
    'Czy wystąpiło wysokie ryzyko naruszenia praw lub wolności osób fizycznych?',
    'Uzasadnienie',
    // (d) measures
    'Ogólny opis technicznych i organizacyjnych środków bezpieczeństwa dotychczas stosowanych',
    'Środki bezpieczeństwa zastosowane lub proponowane w celu zminimalizowania ryzyka ponownego wystąpienia naruszenia',
    'Środki zastosowane lub proponowane w celu zaradzenia naruszeniu i zminimalizowania negatywnych skutków',
    // times (Warsaw): aware 09.10.2019 12:00, deadline 12.10.2019 12:00
    'Data stwierdzenia naruszenia',
    '09.10.2019 12:00',
    'Powody opóźnienia powiadomienia organu nadzorczego o naruszeniu',
    '12.10.2019 12:00',
    'Naruszenie zostało lub zostanie zgłoszone innym organom',
    'Policja (Komenda Miejska Policji w Białymstoku)',
    'Wskaż datę zawiadomienia',
    '14.10.2019',
    'Umieść zanonimizowaną treść zawiadomienia',
  ],
  'subject-letter': [
    'Zawiadomienie o naruszeniu ochrony danych osobowych',
    'Pani Anna Kowalska',
    'ul. Lipowa 5 m. 12',
    '15-427 Białystok',
    'Szanowna Pani,',
    'Co się stało?',
    '9 października 2019 r.',
    'Jakich danych dotyczy naruszenie?',
    'numer PESEL',
    'Jakie mogą być skutki?',
    'zaciągnięcia na Pani dane pożyczki lub kredytu',
    'Co zrobiliśmy?',
    'Naruszenie zgłosiliśmy Prezesowi Urzędu Ochrony Danych Osobowych (UODO) 11 października 2019 r.',
    'Co może Pani zrobić?',
    'zastrzec numer PESEL',
    'mObywatel',
    'Biurze Informacji Kredytowej (BIK)',
    'Kontakt z inspektorem ochrony danych',
    'Katarzyna Podleśna, tel. 85 67 83 120',
  ],
  'public-communication': [
    'Komunikat o naruszeniu ochrony danych osobowych',
    'art. 34 ust. 3 lit. c RODO',
    'Miejski Ośrodek Pomocy Rodzinie w Białymstoku informuje, że 9 października 2019 r. stwierdzono naruszenie',
    'Co się stało?',
    'Jakich danych dotyczy naruszenie?',
    'Jakie mogą być skutki?',
    'Co zrobiliśmy?',
    'Co mogą Państwo zrobić?',
    'zastrzec numer PESEL',
    'Kontakt z inspektorem ochrony danych',
    'Katarzyna Podleśna',
  ],
  register: [
    'Rejestr naruszeń ochrony danych osobowych',
    'art. 33 ust. 5 RODO',
    'Opis incydentu',
    'Data stwierdzenia naruszenia',
    'Skutki naruszenia',
    'Ocena ryzyka',
    'Uzasadnienie oceny',
    'Zgłoszenie do UODO',
    'Zawiadomienie osób',
    'Działanie korygujące / zapobiegawcze',
    'Data zakończenia',
    'Czy koniec?',
    'Ocena skuteczności',
    'IOD.0161.7.2019',
    'NR/2024/031',
    'Blokada zapisu na nośnikach zewnętrznych',
    'wysokie ryzyko',
  ],
  'assessment-record': [
    'Dokumentacja oceny ryzyka naruszenia',
    'Fakty przyjęte do oceny',
    'Osoby szczególnie narażone',
    'Ocena według reguł',
    'wysokie ryzyko naruszenia praw lub wolności osób fizycznych',
    'Uzasadnienie reguł',
    'Wskaźnik ENISA 2013 (wyłącznie pomocniczo)',
    'Wynik SE i poziom',
    '5 (bardzo wysoki)',
    'Decyzja inspektora ochrony danych',
    'Uzasadnienie decyzji IOD',
    'Numery PESEL, dane o niepełnosprawności',
    'Decyzję podjął(-ęła)',
    'Katarzyna Podleśna (IOD)',
    '10.10.2019 10:00',
  ],
} as const;

const people = await readPeopleList(readFileSync(peopleCsvUrl), 'people.csv');
const documents: Record<keyof typeof required, DocumentModel[]> = {
  'internal-report': [buildInternalReport(mopr, options)],
  'uodo-notification': [buildUodoNotification(mopr, { ...options, phase: 'complete' })],
  'subject-letter': buildSubjectLetters(mopr, people.slice(0, 2), options),
  'public-communication': [buildPublicCommunication(mopr, options)],
  register: [buildRegister([mopr, insurance], options)],
  'assessment-record': [buildAssessmentRecord(mopr, options)],
};

function expectDocumentText(text: string, kind: keyof typeof required): void {
  expect(missing(text, [...required[kind], ...polish])).toEqual([]);
  expect(text).not.toMatch(/GIODO/);
  expect(text).not.toContain('\uFFFD');
}

describe('documents in PDF: the extracted text holds every required element, spelt in Polish', () => {
  it.each(Object.keys(required) as (keyof typeof required)[])('%s', async (kind) => {
    const docs = documents[kind];
    const bytes = kind === 'subject-letter' ? await renderPdfStreamToBuffer(docs) : await renderPdf(docs[0]!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(bytes);
    expectDocumentText(text, kind);
    expect(missing(pages[0]!, [...chrome, 'Miejski Ośrodek Pomocy Rodzinie w Białymstoku'])).toEqual([]);
    expect(pages.at(-1)).toContain(
      `z ${kind === 'subject-letter' ? pages.length / docs.length : pages.length}`,
    );
  });

  it('letters: each letter starts on a new page, numbered within the letter, addressed to its person', async () => {
    const bytes = await renderPdfStreamToBuffer(documents['subject-letter']);
    const { pages } = await pdfText(bytes);
    const perLetter = pages.length / 2;
    expect(Number.isInteger(perLetter)).toBe(true);
    expect(missing(pages[0]!, ['Pani Anna Kowalska', 'strona 1 z'])).toEqual([]);
    expect(missing(pages[perLetter]!, ['Pan Jan Nowak', 'Szanowny Panie,', 'strona 1 z'])).toEqual([]);
    expect(missing(pages.slice(perLetter).join('\n'), ['Co może Pan zrobić?'])).toEqual([]);
  });
});

describe('documents in DOCX say the same as the PDF', () => {
  it.each(Object.keys(required) as (keyof typeof required)[])('%s', async (kind) => {
    const bytes = await renderDocx(documents[kind]);
    const header = await docxPart(bytes, 'word/header1.xml');
    expect(header).toContain('Miejski Ośrodek Pomocy Rodzinie w Białymstoku');
    expectDocumentText(`${await docxText(bytes)}\n${header}`, kind);
    const footer = await docxPart(bytes, 'word/footer1.xml');
    expect(
      missing(footer, ['Data dokumentu: 11.10.2019', 'wersja 1', 'strona', 'PAGE', 'SECTIONPAGES']),
    ).toEqual([]);
  });
});

describe('register as a spreadsheet: XLSX typed cells and filters, CSV with BOM and semicolons', () => {
  const register = documents.register[0]!;

  it('XLSX: header row frozen with an autofilter, dates as dates, numbers as numbers', async () => {
    const workbook = await xlsxSheets(await renderXlsx(register));
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(missing(headers.join('|'), required.register.slice(2, 13))).toEqual([]);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const column = (name: string) => headers.indexOf(name) + 1;
    const moprRow = sheet.getRow(2);
    expect(moprRow.getCell(column('Sygnatura')).value).toBe('IOD.0161.7.2019');
    expect(moprRow.getCell(column('Liczba osób')).value).toBe(4200);
    // 09.10.2019 12:00 Warsaw time, stored as Excel's wall-clock date
    expect(moprRow.getCell(column('Data stwierdzenia naruszenia')).value).toEqual(
      new Date('2019-10-09T12:00:00Z'),
    );
    expect(moprRow.getCell(column('Data stwierdzenia naruszenia')).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(moprRow.getCell(column('Czy koniec?')).value).toBe('Tak');
    // one row per corrective/preventive action: 3 for the welfare centre, 2 for the insurer
    expect(sheet.actualRowCount).toBe(1 + 3 + 2);
    expect(workbook.getWorksheet('Metryka')).toBeTruthy();
  });

  it('CSV: UTF-8 with BOM, semicolons, CRLF, Polish dates; every required column', () => {
    const bytes = renderCsv(register);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]!.split(';')).toContain('Czy koniec?');
    // A CSV holds the table only: its columns and values, not the document's title.
    expect(missing(text, [...required.register.slice(2), 'Świadczeń Rodzinnych'])).toEqual([]);
    expect(text).not.toMatch(/GIODO/);
    expect(text).toContain(';4200;');
    expect(text).toContain('09.10.2019 12:00');
  });

  it('UODO notification as a table (XLSX/CSV, for the copy view): section, field, value', async () => {
    const table = buildUodoNotification(mopr, { ...options, phase: 'complete', layout: 'table' });
    const csv = renderCsv(table).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFSekcja formularza;Pole formularza;Wartość');
    expect(missing(csv, ['2E. Inspektor ochrony danych;Imię i nazwisko;Katarzyna Podleśna'])).toEqual([]);
    const workbook = await xlsxSheets(await renderXlsx(table));
    expect(workbook.worksheets[0]!.actualRowCount).toBeGreaterThan(60);
  });
});
