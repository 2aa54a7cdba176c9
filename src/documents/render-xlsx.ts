/**
 * The tables of a document as a real spreadsheet (exceljs): dates as dates (Warsaw wall-clock time, since Excel
 * has no time zones), numbers as numbers, a bold frozen header row with an autofilter, one sheet per table, and a
 * "Metryka" sheet with the document's title, organisation, date and version.
 */
import ExcelJS from 'exceljs';
import { type Cell, cellText, type DocumentModel } from '../domain/documents/document-model.ts';
import { toWarsawLocal } from '../domain/warsaw-time.ts';

const sheetTexts = {
  pl: {
    meta: 'Metryka',
    title: 'Tytuł',
    organisation: 'Organizacja',
    reference: 'Sygnatura',
    date: 'Data dokumentu',
    version: 'Wersja',
  },
  en: {
    meta: 'About',
    title: 'Title',
    organisation: 'Organisation',
    reference: 'Reference',
    date: 'Document date',
    version: 'Version',
  },
} as const;

/** Excel stores a wall-clock reading: the Warsaw local time written as if it were UTC. */
function excelDate(instant: Date): Date {
  return new Date(`${toWarsawLocal(instant)}:00Z`);
}

function value(cell: Cell): ExcelJS.CellValue {
  switch (cell.type) {
    case 'text':
      return cell.value;
    case 'number':
      return cell.value;
    case 'date':
      return cell.withTime
        ? excelDate(cell.value)
        : new Date(`${toWarsawLocal(cell.value).slice(0, 10)}T00:00:00Z`);
    case 'empty':
      return null;
  }
}

const safeSheetName = (name: string) => name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31);

export async function renderXlsx(document: DocumentModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'incydent';
  workbook.title = document.title;
  workbook.company = document.organisation;
  workbook.created = document.documentDate;
  workbook.modified = document.documentDate;
  const dateFormat = document.lang === 'pl' ? 'dd.mm.yyyy' : 'dd/mm/yyyy';
  const tables = document.blocks.filter((block) => block.kind === 'table');
  if (tables.length === 0)
    throw new RangeError(`The document "${document.kind}" has no table for a spreadsheet.`);
  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(
      safeSheetName(index === 0 ? document.title : `${document.title} ${index + 1}`),
      {
        views: [{ state: 'frozen', ySplit: 1 }],
        pageSetup: {
          paperSize: 9,
          orientation: document.orientation,
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        },
      },
    );
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: Math.min(60, 8 + column.width * 7),
    }));
    for (const row of table.rows) {
      const added = sheet.addRow(row.map(value));
      row.forEach((cell, i) => {
        if (cell.type === 'date')
          added.getCell(i + 1).numFmt = cell.withTime ? `${dateFormat} hh:mm` : dateFormat;
      });
    }
    sheet.eachRow((row) => {
      row.alignment = { vertical: 'top', wrapText: true };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  });
  const t = sheetTexts[document.lang];
  const meta = workbook.addWorksheet(t.meta);
  meta.columns = [{ width: 22 }, { width: 80 }];
  meta.addRows([
    [t.title, document.title],
    [t.organisation, document.organisation],
    [t.reference, document.reference],
    [t.date, cellText({ type: 'date', value: document.documentDate, withTime: true }, document.lang)],
    [t.version, document.version],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
