import { maxTitleRows, type PeopleColumn, peopleColumnOf } from '../domain/documents/people-columns.ts';
import { ByteScanner } from './byte-scanner.ts';
import type { ColumnKind } from './header-rules.ts';
import type { OpenedZip, ZipMember } from './open-zip.ts';
import { parseXmlStream } from './parse-xml-stream.ts';
import type { ScanTally } from './scan-tally.ts';
import { TextFeed } from './text-feed.ts';
import { headerIndex, readHeader } from './text-layout.ts';

type OfficeInput = { zip: OpenedZip; file: string; tally: ScanTally };

function member(zip: OpenedZip, name: string): ZipMember | undefined {
  return zip.members.find((m) => m.name === name);
}

/** Excel stores a PESEL as a number, sometimes as "8.5010112345E10"; read it back as its digits. */
function numberText(value: string): string {
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? String(n) : value;
}

/** A row's cells as a list, empty where the sheet has none (what readHeader and headerIndex read). */
const cellList = (cells: Map<number, string>) =>
  Array.from({ length: Math.max(...cells.keys()) + 1 }, (_, k) => cells.get(k) ?? '');

/**
 * Rows of one sheet: a header names columns (see readHeader). It is the first non-empty row, or a row under up to
 * three title rows of fewer cells, which are read but are no records (see headerIndex). Later rows are records,
 * each cell read with its column's kind.
 */
class SheetRows {
  private readonly scanner: ByteScanner;
  private columns: ColumnKind[] = [];
  private peopleColumns: (PeopleColumn | null)[] = [];
  private header: ReturnType<typeof readHeader> = null;
  /** The first rows, held until the header is known (null once it is). */
  private held: Map<number, string>[] | null = [];

  constructor(
    private readonly tally: ScanTally,
    file: string,
  ) {
    this.scanner = new ByteScanner({ tally, mode: 'cells', encoding: 'utf8', countRecords: true, file });
  }

  row(cells: Map<number, string>): void {
    if (![...cells.values()].some((v) => v.trim() !== '')) return;
    if (!this.held) {
      this.read(cells, true);
      return;
    }
    this.held.push(cells);
    if (this.held.length > maxTitleRows) this.decide();
  }

  /** Finds the header among the rows held; those above it are titles, those under it records. */
  private decide(): void {
    const rows = this.held ?? [];
    this.held = null;
    const lists = rows.map(cellList);
    const at = headerIndex(lists);
    if (at >= 0) {
      this.header = readHeader(lists[at]!);
      this.columns = this.header?.columns ?? [];
      if (this.tally.people) this.peopleColumns = lists[at]!.map(peopleColumnOf);
    }
    rows.forEach((cells, k) => {
      if (k !== at) this.read(cells, k > at);
    });
  }

  private read(cells: Map<number, string>, record: boolean): void {
    // A header's columns say what the rows hold: told once the sheet has a row.
    if (this.header && record) {
      this.tally.addHeader(this.header);
      this.header = null;
    }
    for (const [col, value] of cells) {
      this.scanner.cell(value, record ? (this.columns[col] ?? null) : null);
      const person = record ? this.peopleColumns[col] : null;
      if (person) this.scanner.personCell(person, value);
    }
    this.scanner.endRow(record);
  }

  end(): void {
    if (this.held) this.decide();
    this.scanner.finish();
  }
}

function columnIndex(ref: string | undefined, fallback: number): number {
  const letters = /^[A-Z]+/.exec(ref ?? '')?.[0];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** XLSX (ECMA-376): shared strings, then each worksheet streamed row by row. */
export async function scanXlsx({ zip, file, tally }: OfficeInput): Promise<void> {
  const shared: string[] = [];
  const sst = member(zip, 'xl/sharedStrings.xml');
  if (sst) {
    let current = '';
    let inText = false;
    await parseXmlStream(await zip.open(sst), {
      open: (name) => {
        if (name === 'si') current = '';
        else if (name === 't') inText = true;
      },
      text: (t) => {
        if (inText) current += t;
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'si') shared.push(current);
      },
    });
  }
  const sheets = zip.members
    .filter((m) => /^xl\/worksheets\/sheet\d+\.xml$/.test(m.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  if (!member(zip, 'xl/workbook.xml')) throw new Error('not a workbook');
  for (const sheet of sheets) {
    const rows = new SheetRows(tally, file);
    let cells = new Map<number, string>();
    let col = 0;
    let type = 'n';
    let value = '';
    let inValue = false;
    await parseXmlStream(await zip.open(sheet), {
      open: (name, attrs) => {
        if (name === 'row') {
          cells = new Map();
          col = 0;
        } else if (name === 'c') {
          col = columnIndex(attrs.r, col);
          type = attrs.t ?? 'n';
          value = '';
        } else if (name === 'v' || name === 't') inValue = true;
      },
      text: (t) => {
        if (inValue) value += t;
      },
      close: (name) => {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c') {
          const text =
            type === 's' ? (shared[Number(value)] ?? '') : type === 'n' ? numberText(value) : value;
          if (text !== '') cells.set(col, text);
          col++;
        } else if (name === 'row') rows.row(cells);
      },
    });
    rows.end();
  }
}

/** DOCX (ECMA-376): the body, headers, footers, footnotes and comments as paragraphs; a table row is a record. */
export async function scanDocx({ zip, file, tally }: OfficeInput): Promise<void> {
  const parts = zip.members.filter((m) =>
    /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(m.name),
  );
  if (!parts.some((m) => m.name === 'word/document.xml')) throw new Error('not a document');
  const scanner = new ByteScanner({ tally, mode: 'text', encoding: 'utf8', countRecords: false, file });
  const feed = new TextFeed(scanner);
  for (const part of parts) {
    let inText = false;
    await parseXmlStream(await zip.open(part), {
      open: (name) => {
        if (name === 't') inText = true;
        else if (name === 'tab') feed.write('\t');
        else if (name === 'br') feed.write('\n');
      },
      text: (t) => {
        if (inText) feed.write(t);
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'p') feed.write('\n');
        else if (name === 'tc') feed.write('\t');
        else if (name === 'tr') feed.write('\n\n');
      },
    });
    feed.write('\n\n');
  }
  feed.end();
}

/** OpenDocument (ISO/IEC 26300) text: paragraphs and headings of content.xml. */
export async function scanOdt({ zip, file, tally }: OfficeInput): Promise<void> {
  const content = member(zip, 'content.xml');
  if (!content) throw new Error('no content.xml');
  const scanner = new ByteScanner({ tally, mode: 'text', encoding: 'utf8', countRecords: false, file });
  const feed = new TextFeed(scanner);
  await parseXmlStream(
    await zip.open(content),
    {
      open: (name) => {
        if (name === 'text:s') feed.write(' ');
        else if (name === 'text:tab') feed.write('\t');
        else if (name === 'text:line-break') feed.write('\n');
      },
      text: (t) => feed.write(t),
      close: (name) => {
        if (name === 'text:p' || name === 'text:h') feed.write('\n');
        else if (name === 'table:table-row') feed.write('\n\n');
        else if (name === 'table:table-cell') feed.write('\t');
      },
    },
    true,
  );
  feed.end();
}

/** OpenDocument spreadsheet: rows of each table:table, repeated cells expanded (capped: repeats pad empty ranges). */
export async function scanOds({ zip, file, tally }: OfficeInput): Promise<void> {
  const content = member(zip, 'content.xml');
  if (!content) throw new Error('no content.xml');
  let rows: SheetRows | null = null;
  let cells = new Map<number, string>();
  let col = 0;
  let repeatCols = 1;
  let repeatRows = 1;
  let value = '';
  let officeValue: string | null = null;
  let inCell = false;
  await parseXmlStream(
    await zip.open(content),
    {
      open: (name, attrs) => {
        if (name === 'table:table') rows = new SheetRows(tally, file);
        else if (name === 'table:table-row') {
          cells = new Map();
          col = 0;
          repeatRows = Math.min(Number(attrs['table:number-rows-repeated'] ?? 1), 1000);
        } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
          inCell = true;
          value = '';
          repeatCols = Number(attrs['table:number-columns-repeated'] ?? 1);
          const type = attrs['office:value-type'];
          officeValue =
            type === 'float' || type === 'currency' || type === 'percentage'
              ? (attrs['office:value'] ?? null)
              : null;
        } else if (name === 'text:s') value += ' ';
      },
      text: (t) => {
        if (inCell) value += t;
      },
      close: (name) => {
        if (name === 'text:p' && inCell) value += '\n';
        else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
          inCell = false;
          const text = officeValue !== null ? numberText(officeValue) : value.replace(/\n$/, '');
          if (text !== '') for (let k = 0; k < Math.min(repeatCols, 1000); k++) cells.set(col + k, text);
          col += repeatCols;
        } else if (name === 'table:table-row' && rows) {
          if (cells.size > 0) for (let k = 0; k < repeatRows; k++) rows.row(cells);
        } else if (name === 'table:table' && rows) {
          rows.end();
          rows = null;
        }
      },
    },
    true,
  );
}
