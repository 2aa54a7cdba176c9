/**
 * The first table of a document as CSV for Excel. Polish Excel (and LibreOffice in a Polish locale) opens a CSV by
 * double-click correctly only when: the file starts with the UTF-8 byte-order mark (else Polish letters are read as
 * Windows-1250 and garbled), the separator is the semicolon (the list separator of the Polish locale, because the
 * comma is the decimal separator), dates are written dd.mm.rrrr gg:mm and decimals with a comma. So that is what we
 * write, with CRLF line ends and RFC 4180 quoting. English documents use the same separator: one format, one rule.
 */
import { cellText, type DocumentModel } from '../domain/documents/document-model.ts';

export const csvSeparator = ';';
const bom = '\uFEFF';

function quote(value: string): string {
  return /[";\r\n,]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function renderCsv(document: DocumentModel): Buffer {
  const table = document.blocks.find((block) => block.kind === 'table');
  if (!table) throw new RangeError(`The document "${document.kind}" has no table for CSV.`);
  const lines = [
    table.columns.map((column) => quote(column.header)).join(csvSeparator),
    ...table.rows.map((row) => row.map((cell) => quote(cellText(cell, document.lang))).join(csvSeparator)),
  ];
  return Buffer.from(`${bom}${lines.join('\r\n')}\r\n`, 'utf8');
}
