import type { AssessCategory } from '../domain/assess-categories.ts';
import type { DataCategory } from '../domain/data-categories.ts';
import {
  excelSeparatorLine,
  maxTitleRows,
  type PeopleColumn,
  peopleColumnOf,
} from '../domain/documents/people-columns.ts';
import { foldText, type ScanMode, type TextEncoding } from './byte-scanner.ts';
import { CsvQuoting } from './csv-quoting.ts';
import { type ColumnKind, headerRules } from './header-rules.ts';
import { iconv } from './iconv.ts';

/** How a text file is laid out, read from its first bytes before the scan proper. */
export type TextLayout = {
  mode: ScanMode;
  encoding: TextEncoding;
  delimiter?: number;
  columns: ColumnKind[];
  headerCategories: AssessCategory[];
  /** The categories of UODO's form the header's columns hold (see HeaderRule.form). */
  headerForm: DataCategory[];
  /** Columns that hold people's names or addresses, by their headers (for the `--list` file; see ByteScanner). */
  peopleColumns: (PeopleColumn | null)[];
  /** Bytes of the BOM and the header row, which the scan skips. */
  skip: number;
  countRecords: boolean;
};

const delimiters = [59, 44, 9, 124] as const; // ; , TAB |

/** Lines of the sample the delimiter is sniffed on. */
const sniffedLines = 50;

/** Where the `count`-th line from `from` ends (past its line feed), or the sample's end when it has fewer. */
function lineEnds(sample: Buffer, from: number, count: number): number {
  let at = from;
  for (let k = 0; k < count; k++) {
    const nl = sample.indexOf(10, at);
    if (nl < 0) return sample.length;
    at = nl + 1;
  }
  return at;
}

/**
 * Splits one CSV line into cells (RFC 4180 quoting, leniently, as the scanners read it: a `"` opens quotes only
 * where a cell begins; inside them `""` is a quote and another `"` ends them).
 */
function splitRow(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const atStart = cellStart;
    cellStart = false;
    if (ch === '"' && quoted) {
      if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && atStart) quoted = true;
    else if (ch === delimiter && !quoted) {
      cellStart = true;
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * Which of a table's first rows is its header: the first row that names columns (readHeader), or a row under title
 * rows ("Raport: klienci", a date) that fill fewer cells than it; of several such rows the one that fills the most
 * cells (a title may name a column: "Lista pacjentów — leczenie"). -1 when none.
 */
export function headerIndex(rows: readonly (readonly string[])[]): number {
  const filled = (row: readonly string[]) => row.filter((cell) => cell.trim() !== '').length;
  let best = -1;
  rows.forEach((row, k) => {
    if (readHeader(row) === null) return;
    if (!rows.slice(0, k).every((above) => filled(above) < filled(row))) return;
    if (best < 0 || filled(row) > filled(rows[best]!)) best = k;
  });
  return best;
}

/** Which column kinds and categories a header row names; null when the row is data, not a header. */
export function readHeader(
  cells: readonly string[],
): { columns: ColumnKind[]; categories: AssessCategory[]; form: DataCategory[] } | null {
  const columns: ColumnKind[] = [];
  const categories = new Set<AssessCategory>();
  const form = new Set<DataCategory>();
  let named = 0;
  for (const raw of cells) {
    const folded = foldText(raw.trim());
    // A cell of five digits or more, or an address, is data: no header (told before the rules are tried).
    if (/\d{5,}|@/.test(folded)) return null;
    const rule = headerRules.find((r) => r.pattern.test(folded));
    columns.push(rule?.column ?? 'other');
    if (rule) {
      named++;
      for (const c of rule.categories) categories.add(c);
      for (const c of rule.form ?? []) form.add(c);
    }
  }
  const wordy = cells.filter((c) => /^[\p{L} _.\-/()#]+$/u.test(c.trim())).length;
  if (named === 0 && wordy < cells.length) return null;
  return { columns, categories: [...categories], form: [...form] };
}

/**
 * How many times a line holds the delimiter outside quotes: a line without quotes is searched natively (a folder of
 * small files spent more time here than on their scan), one with them split as the scanners read it.
 */
function delimitersIn(line: string, delimiter: string): number {
  if (line.includes('"')) return splitRow(line, delimiter).length - 1;
  let n = 0;
  for (let at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, at + 1)) n++;
  return n;
}

/** Counts the delimiter outside quotes in each of the first lines; the one used the same number of times wins. */
function sniffDelimiter(lines: readonly string[]): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (const d of delimiters) {
    const ch = String.fromCharCode(d);
    const all = lines.map((l) => delimitersIn(l, ch));
    // Title lines above the table ("Raport, stan na dzień…") have their own count: the table may start at the
    // first line whose count the next line repeats. Whichever start reads more lines alike counts.
    let titles = 0;
    while (titles < maxTitleRows && titles + 1 < all.length && all[titles] !== all[titles + 1]) titles++;
    for (const counts of titles > 0 ? [all, all.slice(titles)] : [all]) {
      const first = counts[0] ?? 0;
      if (first === 0) continue;
      const same = counts.filter((c) => c === first).length;
      const score = (same / counts.length) * 10 + Math.min(first, 9);
      if (same / counts.length >= 0.8 && score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
  }
  return best;
}

/**
 * Where the first record of a CSV sample lies, in bytes: after blank lines, up to and including the line end that is
 * outside quotes (a quoted header cell may hold a line break), quotes read as the scanners read them (CsvQuoting).
 * The sample's encodings all write quotes and line ends as ASCII does.
 */
function firstRecord(sample: Buffer, from: number, delimiter: number): { start: number; end: number } {
  let start = from;
  for (let i = from; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 10) start = i + 1;
    else if (b !== 13 && b !== 32 && b !== 9) break;
  }
  const end = new CsvQuoting(delimiter).recordEnd(sample, start, sample.length);
  return { start, end: end >= 0 ? end : sample.length };
}

export type TextFormat = 'csv' | 'tsv' | 'text' | 'log' | 'json' | 'jsonl';

/** Reads the layout of a text file from its first bytes (64 KiB is plenty for the header and the delimiter). */
export function detectTextLayout(sample: Buffer, format: TextFormat, encoding: TextEncoding): TextLayout {
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  const base = {
    encoding,
    columns: [] as ColumnKind[],
    headerCategories: [] as AssessCategory[],
    headerForm: [] as DataCategory[],
    peopleColumns: [] as (PeopleColumn | null)[],
    skip: bom,
  };
  // JSON lines saved as .json: one object a line, the next line starting another.
  if (
    format === 'json' &&
    /^\s*\{.*\}\s*\r?\n\s*\{/.test(sample.toString('latin1', bom, Math.min(sample.length, 1 << 16)))
  ) {
    return { ...base, mode: 'lines', countRecords: true };
  }
  if (format === 'json') return { ...base, mode: 'json', countRecords: true };
  if (format === 'jsonl') return { ...base, mode: 'lines', countRecords: true };
  if (format === 'log') return { ...base, mode: 'lines', countRecords: false };
  // Excel's hint line before the header ("sep=;", as Excel writes and reads it) names the delimiter; no record.
  const hint = excelSeparatorLine.exec(sample.toString('latin1', bom, bom + 8));
  const from = bom + (hint?.[0].length ?? 0);
  // The first lines only: decoding and splitting all 64 KiB cost a folder of small files more than their scan.
  const until = lineEnds(sample, from, sniffedLines);
  const text =
    encoding === 'utf8'
      ? sample.toString('utf8', from, until)
      : iconv().decode(sample.subarray(from, until), encoding);
  const lines = text.split(/\r?\n/).slice(0, sniffedLines);
  // The sample may end inside a line (so the fiftieth line goes too when the sample is longer and ends so).
  if (lines.length > 1 && sample[sample.length - 1] !== 10) lines.pop();
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  // Plain text is a table when it is laid out as one with a header, as Excel's "Unicode text" (.txt, tabs) is.
  const tabular =
    format !== 'text' ||
    (sniffDelimiter(nonEmpty) === 9 && readHeader(splitRow(nonEmpty[0] ?? '', '\t')) !== null);
  if (!tabular) return { ...base, mode: 'text', countRecords: false };
  const delimiter = hint
    ? hint[1]!.charCodeAt(0)
    : format === 'tsv' || format === 'text'
      ? 9
      : (sniffDelimiter(nonEmpty) ?? 59);
  const cellsOf = (record: { start: number; end: number }) => {
    const bytes = sample.subarray(record.start, record.end);
    const text = encoding === 'utf8' ? bytes.toString('utf8') : iconv().decode(bytes, encoding);
    return splitRow(text.replace(/\r?\n$/, ''), String.fromCharCode(delimiter));
  };
  // The header is the first record, or follows a few title lines of fewer cells ("Raport: klienci", as reports
  // exported to CSV begin), which are then no records either.
  const leading = [firstRecord(sample, from, delimiter)];
  while (leading.length < maxTitleRows + 1 && leading.at(-1)!.end < sample.length) {
    leading.push(firstRecord(sample, leading.at(-1)!.end, delimiter));
  }
  const cells = leading.map(cellsOf);
  const found = headerIndex(cells);
  const headerCells = found >= 0 ? cells[found]! : [];
  const header = found >= 0 ? readHeader(headerCells) : null;
  // The scan starts after the header: past the blank lines before it and its own line breaks inside quotes.
  const skip = header ? leading[found]!.end : from;
  return {
    mode: 'csv',
    encoding,
    delimiter,
    columns: header?.columns ?? [],
    headerCategories: header?.categories ?? [],
    headerForm: header?.form ?? [],
    peopleColumns: header ? headerCells.map(peopleColumnOf) : [],
    skip,
    countRecords: true,
  };
}
