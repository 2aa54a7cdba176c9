/**
 * What a document says, apart from how it looks: a small model of blocks that every renderer (PDF, DOCX, XLSX,
 * CSV) walks, so a PDF and a DOCX of the same document say the same. Pure data: no I/O, no clock (the document's
 * date is passed in), so the web app can build the same content in the browser.
 */
import type { Lang } from '../language.ts';
import { formatWarsawDate, formatWarsawDateTime } from '../warsaw-time.ts';
import type { DocumentKind } from './document-kinds.ts';

export { type DocumentKind, documentKinds } from './document-kinds.ts';

/** A typed value of a table cell: spreadsheets keep dates as dates and numbers as numbers. */
export type Cell =
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  | { type: 'date'; value: Date; withTime: boolean }
  | { type: 'empty' };

export type TableColumn = { header: string /** relative width, 1 = narrow */; width: number };

export type Field = { label: string; value: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'strong'; align?: 'left' | 'right' }
  | { kind: 'fields'; fields: readonly Field[] }
  | { kind: 'bullets'; items: readonly string[] }
  | { kind: 'table'; columns: readonly TableColumn[]; rows: readonly (readonly Cell[])[] }
  /** The recipient's name and postal address, at the top right of a letter. */
  | { kind: 'address'; lines: readonly string[] }
  /** Places for signatures, each with its caption under the dotted line. */
  | { kind: 'signatures'; captions: readonly string[] }
  | { kind: 'page-break' };

export type DocumentModel = {
  kind: DocumentKind;
  lang: Lang;
  title: string;
  /** The controller's name: the header of every page. */
  organisation: string;
  /** The case's internal reference (sygnatura), shown in the footer. */
  reference: string;
  documentDate: Date;
  version: string;
  orientation: 'portrait' | 'landscape';
  /** Footer text before the page number, e.g. "Data dokumentu: 12.10.2019 · wersja 1". */
  footer: string;
  /** Page number template with `{page}` and `{pages}`: "strona {page} z {pages}". */
  pageLabel: string;
  blocks: Block[];
};

/** What every builder needs besides the breach: the language, the document's date and version. */
export type DocumentOptions = { lang: Lang; generatedAt: Date; version: string };

export const text = (value: string | null | undefined): Cell =>
  value === null || value === undefined || value === '' ? { type: 'empty' } : { type: 'text', value };
export const num = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? { type: 'empty' } : { type: 'number', value };
export const date = (value: Date | null | undefined, withTime = false): Cell =>
  value ? { type: 'date', value, withTime } : { type: 'empty' };

/** A cell as a person reads it, in the document's language (Warsaw time for dates). */
export function cellText(cell: Cell, lang: Lang): string {
  switch (cell.type) {
    case 'text':
      return cell.value;
    case 'number':
      return cell.value.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB', { useGrouping: false });
    case 'date':
      return cell.withTime ? formatWarsawDateTime(cell.value, lang) : formatWarsawDate(cell.value, lang);
    case 'empty':
      return '';
  }
}

/** All the words of a document in reading order (tests, the plain-text copy of a letter for UODO's form 10). */
export function documentPlainText(document: DocumentModel): string {
  const lines: string[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        lines.push(block.text);
        break;
      case 'fields':
        for (const field of block.fields) lines.push(`${field.label}: ${field.value}`);
        break;
      case 'bullets':
        for (const item of block.items) lines.push(`• ${item}`);
        break;
      case 'table':
        lines.push(block.columns.map((c) => c.header).join(' | '));
        for (const row of block.rows)
          lines.push(row.map((cell) => cellText(cell, document.lang)).join(' | '));
        break;
      case 'address':
        lines.push(...block.lines);
        break;
      case 'signatures':
        lines.push(block.captions.join(' / '));
        break;
      case 'page-break':
        break;
    }
  }
  return lines.join('\n');
}
