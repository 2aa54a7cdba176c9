import { type AssessCategory, assessCategories } from '../domain/assess-categories.ts';
import { nameAndAddress, type PeopleColumn } from '../domain/documents/people-columns.ts';
import type { ColumnKind } from './header-rules.ts';
import { iconv } from './iconv.ts';
import { identifierChecks } from './identifier-checks.ts';
import { keywordRules } from './keyword-rules.ts';
import type { IdentifierKind, PersonRow, ScanTally } from './scan-tally.ts';

/**
 * How bytes group into records: `csv` rows (delimiter and quotes), `lines` (JSON lines, logs), `text` paragraphs
 * (prose: a record ends at a blank line), `json` (elements of a top-level array), `cells` (spreadsheets: the
 * reader calls `cell` and `endRecord`).
 */
export type ScanMode = 'csv' | 'lines' | 'text' | 'json' | 'cells';
export type TextEncoding = 'utf8' | 'windows-1250' | 'iso-8859-2';

export type ByteScannerOptions = {
  tally: ScanTally;
  mode: ScanMode;
  encoding: TextEncoding;
  delimiter?: number;
  columns?: readonly ColumnKind[];
  /** Count records (tabular files); prose only groups identifiers into people. */
  countRecords: boolean;
  /** The file's display path, recorded for each person in the `--list` file. */
  file: string;
  /**
   * Columns of a CSV that hold a person's name or address (by their header, as a list for letters names them): with
   * `--list`, each person gets the name and address of the row they were found in, so the list feeds the letters.
   */
  peopleColumns?: readonly (PeopleColumn | null)[];
};

/** The most of a name or address cell kept across pieces (a line break inside quotes): far more than any address. */
const maxCellCarry = 16 * 1024;

const BORING = 0;
const DIGIT = 1;
const LETTER = 2;
const AT = 3;
const NL = 4;
const DELIM = 5;
const QUOTE = 6;
const OPEN = 7;
const CLOSE = 8;
const ESCAPE = 9;

const baseClasses = new Uint8Array(256);
for (let c = 48; c <= 57; c++) baseClasses[c] = DIGIT;
for (let c = 65; c <= 90; c++) baseClasses[c] = LETTER;
for (let c = 97; c <= 122; c++) baseClasses[c] = LETTER;
for (let c = 128; c <= 255; c++) baseClasses[c] = LETTER;
baseClasses[64] = AT;
baseClasses[10] = NL;

// Categories found are kept as bits while scanning and handed to the tally when the input ends.
const bit = Object.fromEntries(assessCategories.map((c, k) => [c, 1 << k])) as Record<AssessCategory, number>;
/** A postal code (NN-NNN) was found: contact data, and an address in UODO's form (an e-mail or phone is not). */
export const addressBit = 1 << assessCategories.length;

/** Hands the category bits a scan found (bit, addressBit) to its tally, as both scanners do at the end. */
export function addCategoryBits(tally: ScanTally, bits: number): void {
  for (const c of assessCategories) if (bits & bit[c]) tally.categories.add(c);
  if (bits & addressBit) tally.form.add('address');
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordByte = (c: number) => isAsciiLetter(c) || isDigit(c) || c >= 128;
const isLocalPartByte = (c: number) =>
  isAsciiLetter(c) || isDigit(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainByte = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 45 || c === 46;

// Candidate words are picked by their first four ASCII letters (lower case) packed in an int.
const stemsByPrefix = new Map<number, { stem: string; category: AssessCategory }[]>();
for (const rule of keywordRules) {
  const p = prefixKey(rule.stem, 0);
  const list = stemsByPrefix.get(p) ?? [];
  list.push(rule);
  stemsByPrefix.set(p, list);
}
// The categories each prefix can give: once all are found, words with that prefix need no decoding.
const bitsByPrefix = new Map<number, number>();
const firstTwo = new Uint8Array(65536);
for (const rule of keywordRules) firstTwo[(rule.stem.charCodeAt(0) << 8) | rule.stem.charCodeAt(1)] = 1;
for (const [p, rules] of stemsByPrefix)
  bitsByPrefix.set(
    p,
    rules.reduce((b, r) => b | bit[r.category], 0),
  );
function prefixKey(s: string, at: number): number {
  return (
    ((s.charCodeAt(at) << 24) |
      (s.charCodeAt(at + 1) << 16) |
      (s.charCodeAt(at + 2) << 8) |
      s.charCodeAt(at + 3)) >>>
    0
  );
}

/** Lower case without diacritics (ł → l), the form of keyword stems and header rules. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
}

// 64-bit hash of bytes, eight bytes a step: each little-endian word (the last one zero-padded) goes through xxHash64's
// round, the length goes in at the end and murmur3's fmix64 mixes the result. A key keeps 53 of its bits (see
// KeySet): among ten million values a collision has a chance near 1 in 200, and would lower a count by one.
// assembly/scan-kernel.ts computes the same keys with 64-bit integers (its property test compares them); here each
// 64-bit value is two 32-bit halves, high and low.
let hashLo = 0;
let hashHi = 0;
/** A 64-bit product's high and low halves (a typed array: numbers from 2^31 up would be boxed in variables here). */
const product = new Uint32Array(2);

/** The low 64 bits of (h, l) times (mH, mL), into product. */
function multiply(h: number, l: number, mH: number, mL: number): void {
  // The high half of the 64-bit product l · mL, from 16-bit pieces (each product below 2^32, exact as a double).
  const a0 = l & 0xffff;
  const a1 = l >>> 16;
  const b0 = mL & 0xffff;
  const b1 = mL >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const middle = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const carry = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (middle >>> 16);
  product[0] = carry + Math.imul(l, mH) + Math.imul(h, mL);
  product[1] = Math.imul(l, mL);
}

function hashBytes(buf: Uint8Array, from: number, to: number, lower: boolean): void {
  let hH = 0;
  let hL = 0;
  for (let k = from; k < to; k += 8) {
    let low = 0;
    let high = 0;
    for (let q = Math.min(to - k, 8) - 1; q >= 0; q--) {
      let c = buf[k + q]!;
      if (lower && c >= 65 && c <= 90) c |= 0x20;
      if (q >= 4) high = (high << 8) | c;
      else low = (low << 8) | c;
    }
    // h ^= rotl(w · prime2, 31) · prime1; h = rotl(h, 27) · prime1 + prime4
    multiply(high >>> 0, low >>> 0, 0xc2b2ae3d, 0x27d4eb4f);
    let wH = product[0]!;
    let wL = product[1]!;
    multiply((wH << 31) | (wL >>> 1), (wL << 31) | (wH >>> 1), 0x9e3779b1, 0x85ebca87);
    wH = product[0]! ^ hH;
    wL = product[1]! ^ hL;
    multiply((wH << 27) | (wL >>> 5), (wL << 27) | (wH >>> 5), 0x9e3779b1, 0x85ebca87);
    const sum = product[1]! + 0xc2b2ae63;
    hL = sum >>> 0;
    hH = (product[0]! + 0x85ebca77 + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  }
  // h ^= length; then fmix64: h ^= h >>> 33, h *= mix1, h ^= h >>> 33, h *= mix2, h ^= h >>> 33.
  hL = (hL ^ (to - from)) >>> 0;
  multiply(hH, (hL ^ (hH >>> 1)) >>> 0, 0xff51afd7, 0xed558ccd);
  hH = product[0]!;
  hL = product[1]!;
  multiply(hH, (hL ^ (hH >>> 1)) >>> 0, 0xc4ceb9fe, 0x1a85ec53);
  hH = product[0]!;
  hL = (product[1]! ^ (hH >>> 1)) >>> 0;
  hashLo = hL || 1;
  hashHi = hH;
}

/**
 * The scanner's hot loop: it reads bytes (any ASCII-compatible encoding), finds digit runs, words and `@`, and
 * validates each candidate where it stands, without regular expressions or decoded strings, because it must keep
 * pace with ripgrep on large exports. State (quotes, column, the current record) carries over between calls, so
 * a file can be fed in chunks cut at line ends.
 */
export class ByteScanner {
  private readonly classes: Uint8Array;
  private readonly tally: ScanTally;
  private readonly mode: ScanMode;
  private readonly encoding: TextEncoding;
  private readonly columns: readonly ColumnKind[];
  private readonly countRecords: boolean;
  private readonly file: string;
  private readonly listing: boolean;

  inQuotes = false;
  /** The byte before the piece being scanned (a line end at the start): whether a `"` there begins a field. */
  private lastByte = 10;
  private categories = 0;
  private column = 0;
  // With --list and a CSV whose header names people's names or addresses: where the current cell began, and the
  // current record's cells of those columns.
  private readonly peopleColumns: readonly (PeopleColumn | null)[];
  private readonly capturing: boolean;
  private cellStart = 0;
  private scanEnd = 0;
  private recordCells: Partial<Record<PeopleColumn, string>> = {};
  private cellCarry: Buffer | null = null;
  private cellColumn: ColumnKind | null = null;
  private depth = 0;
  private topIsArray = false;
  private lineHasContent = false;
  private recordHasContent = false;
  private linesInRecord = 0;

  // The current record's people (see ScanTally): stronger identifiers make weaker ones no person of their own.
  private recordHasPesel = false;
  private readonly recordIdCards: number[] = [];
  private readonly recordEmails: number[] = [];
  private readonly recordPhones: number[] = [];
  private recordValues: Partial<Record<IdentifierKind, string[]>> = {};

  private readonly digits = new Uint8Array(80);
  private readonly runStart = new Int32Array(12);
  private readonly runEnd = new Int32Array(12);
  private buf: Buffer = Buffer.alloc(0);
  private floor = 0;

  constructor(options: ByteScannerOptions) {
    this.tally = options.tally;
    this.mode = options.mode;
    this.encoding = options.encoding;
    this.columns = options.columns ?? [];
    this.countRecords = options.countRecords;
    this.file = options.file;
    this.listing = options.tally.people !== null;
    this.peopleColumns = options.peopleColumns ?? [];
    // A spreadsheet's rows hand their name and address cells over themselves (personCell).
    this.capturing =
      this.listing &&
      (this.mode === 'cells' || (this.mode === 'csv' && this.peopleColumns.some((c) => c !== null)));
    this.classes = Uint8Array.from(baseClasses);
    if (this.mode === 'csv' && options.delimiter !== undefined) this.classes[options.delimiter] = DELIM;
    if (this.mode === 'csv' || this.mode === 'json') this.classes[34] = QUOTE;
    if (this.mode === 'json') {
      this.classes[123] = OPEN;
      this.classes[91] = OPEN;
      this.classes[125] = CLOSE;
      this.classes[93] = CLOSE;
      this.classes[92] = ESCAPE;
    }
    if (this.mode === 'cells') this.classes[10] = BORING;
  }

  /** Scans `buf[start, end)`; call with pieces that end at a line end so no identifier is cut in two. */
  scan(buf: Buffer, start = 0, end = buf.length): void {
    this.buf = buf;
    this.floor = start;
    // A piece starts at a line's start: a new cell (a quoted line break carried over is cut there).
    this.cellStart = start;
    this.scanEnd = end;
    const classes = this.classes;
    let i = start;
    while (i < end) {
      const k = classes[buf[i]!]!;
      if (k === BORING) {
        i++;
        continue;
      }
      if (k === DIGIT) {
        i = this.digitGroup(i, end);
        continue;
      }
      if (k === LETTER) {
        i = this.word(i, end);
        continue;
      }
      if (k === AT) {
        i = this.email(i, end);
        continue;
      }
      if (k === NL) {
        if (this.capturing && !this.inQuotes) this.takeCell(i);
        this.newline();
        if (!this.inQuotes) this.cellStart = i + 1;
      } else if (k === DELIM) {
        if (!this.inQuotes) {
          if (this.capturing) this.takeCell(i);
          this.column++;
          this.cellStart = i + 1;
        }
      } else if (k === QUOTE) {
        if (this.mode !== 'csv') this.inQuotes = !this.inQuotes;
        else if (this.inQuotes) {
          // In CSV (RFC 4180, leniently): inside quotes "" is a quote, another " ends them.
          if (i + 1 < end && buf[i + 1] === 34) i++;
          else this.inQuotes = false;
        } else {
          // A " opens quotes only where a field begins; elsewhere (27" in a cell) it is text.
          const before = i > start ? buf[i - 1]! : this.lastByte;
          if (before === 10 || classes[before] === DELIM) this.inQuotes = true;
        }
      } else if (k === ESCAPE) {
        if (this.inQuotes) i++;
      } else if (k === OPEN) {
        if (!this.inQuotes) {
          if (this.depth === 0 && buf[i] === 91) this.topIsArray = true;
          this.depth++;
        }
      } else if (k === CLOSE && !this.inQuotes) {
        this.depth--;
        if (this.depth === 1 && this.topIsArray) {
          if (this.countRecords) this.tally.records++;
          this.endRecord();
        }
      }
      i++;
    }
    if (end > start) this.lastByte = buf[end - 1]!;
    // A quoted cell of a name or address that goes on past this piece (a line break inside it): its bytes so far
    // wait for the rest, as this buffer is read into again.
    if (this.capturing && this.inQuotes && this.mode === 'csv' && this.peopleColumns[this.column]) {
      const part = buf.subarray(this.cellStart, end);
      const kept = this.cellCarry ? Buffer.concat([this.cellCarry, part]) : Buffer.from(part);
      this.cellCarry = kept.length > maxCellCarry ? kept.subarray(0, maxCellCarry) : kept;
    }
  }

  /** One spreadsheet cell (mode `cells`), read with the kind of its column. */
  cell(text: string, column: ColumnKind | null): void {
    this.cellColumn = column;
    const buf = Buffer.from(text, 'utf8');
    this.scan(buf, 0, buf.length);
    this.cellColumn = null;
    if (text.trim() !== '') this.recordHasContent = true;
  }

  /** A spreadsheet cell of a column that holds a person's name or address (mode `cells`, with --list). */
  personCell(column: PeopleColumn, text: string): void {
    const value = text.trim();
    if (this.capturing && value !== '') this.recordCells[column] = value;
  }

  /** Ends a row of a spreadsheet (mode `cells`); empty rows are no records, nor a title row (`record` false). */
  endRow(record = true): void {
    if (record && this.recordHasContent && this.countRecords) this.tally.records++;
    this.recordHasContent = false;
    this.endRecord();
  }

  /** Ends the input: the last record need not end with a newline. */
  finish(): void {
    if (this.mode === 'csv' || this.mode === 'lines') {
      if (this.capturing && !this.inQuotes) this.takeCell(this.scanEnd);
      if (this.lineHasContent || this.recordHasContent) this.newline();
      this.inQuotes = false;
    }
    if (this.mode === 'cells') this.endRow();
    this.endRecord();
    addCategoryBits(this.tally, this.categories);
  }

  private newline(): void {
    if (this.mode === 'csv') {
      if (this.inQuotes) return;
      if (this.lineHasContent || this.recordHasContent) {
        if (this.countRecords) this.tally.records++;
        this.endRecord();
      }
      this.column = 0;
      this.lineHasContent = false;
      this.recordHasContent = false;
      return;
    }
    if (this.mode === 'lines') {
      if (this.lineHasContent) {
        if (this.countRecords) this.tally.records++;
        this.endRecord();
      }
      this.lineHasContent = false;
      return;
    }
    if (this.mode === 'text') {
      // A paragraph is a record; very long ones are cut so one record cannot gather a whole file.
      if (!this.lineHasContent || ++this.linesInRecord >= 50) {
        this.endRecord();
        this.linesInRecord = 0;
      }
      this.lineHasContent = false;
    }
  }

  private columnKind(): ColumnKind | null {
    if (this.mode === 'cells') return this.cellColumn;
    if (this.mode === 'csv') return this.columns[this.column] ?? null;
    return null;
  }

  private word(i: number, end: number): number {
    const buf = this.buf;
    const classes = this.classes;
    let j = i + 1;
    while (j < end && classes[buf[j]!] === LETTER) j++;
    this.lineHasContent = true;
    if (j - i >= 5 && firstTwo[((buf[i]! | 0x20) << 8) | (buf[i + 1]! | 0x20)] === 1) {
      const key =
        (((buf[i]! | 0x20) << 24) |
          ((buf[i + 1]! | 0x20) << 16) |
          ((buf[i + 2]! | 0x20) << 8) |
          (buf[i + 3]! | 0x20)) >>>
        0;
      const rules = stemsByPrefix.get(key);
      const bits = bitsByPrefix.get(key) ?? 0;
      if (rules && (this.categories & bits) !== bits && isAsciiLetter(buf[i]!)) {
        const folded = foldText(this.decode(i, j));
        for (const rule of rules) if (folded.startsWith(rule.stem)) this.categories |= bit[rule.category];
      }
    }
    return j;
  }

  private decode(from: number, to: number): string {
    const slice = this.buf.subarray(from, to);
    return this.encoding === 'utf8' ? slice.toString('utf8') : iconv().decode(slice, this.encoding);
  }

  /** Looks back a few bytes for a word that says what the number is ("PESEL: 85…", "REGON 12…"). */
  private saysBefore(at: number, word: string): boolean {
    const buf = this.buf;
    const from = Math.max(this.floor, at - 24);
    const n = word.length;
    outer: for (let s = at - n; s >= from; s--) {
      for (let k = 0; k < n; k++) if ((buf[s + k]! | 0x20) !== word.charCodeAt(k)) continue outer;
      return true;
    }
    return false;
  }

  private digitGroup(i: number, end: number): number {
    const buf = this.buf;
    this.lineHasContent = true;
    let j = i + 1;
    while (j < end && isDigit(buf[j]!)) j++;
    const len = j - i;
    const next = j < end ? buf[j]! : 10;
    // Most runs are short numbers (dates, house numbers) that stand alone: leave them at once.
    if (
      len < 9 &&
      next !== 32 &&
      next !== 45 &&
      next !== 41 &&
      next !== 46 &&
      (len < 6 || len > 7) &&
      len !== 2
    )
      return j;
    const rs = this.runStart;
    const re = this.runEnd;
    rs[0] = i;
    re[0] = j;
    let runs = 1;
    let total = len;
    // Spaced or dashed groups: "PL61 1090 1014 …", "601 234 567", "123-456-32-18", "(22) 123 45 67".
    while (runs < 10 && total <= 34 && j + 1 < end) {
      const sep = buf[j]!;
      let k = j + 1;
      if (sep === 41 && buf[i - 1] === 40 && runs === 1 && buf[k] === 32) k++;
      else if (sep !== 32 && sep !== 45) break;
      if (this.classes[sep] === DELIM || k >= end || !isDigit(buf[k]!)) break;
      let e = k + 1;
      while (e < end && isDigit(buf[e]!)) e++;
      rs[runs] = k;
      re[runs] = e;
      runs++;
      total += e - k;
      j = e;
    }
    const after = j < end ? buf[j]! : 10;
    if (runs > 1 && !isWordByte(after) && this.group(runs, total)) return j;
    for (let r = 0; r < runs; r++) {
      this.run(rs[r]!, re[r]!, end);
      if (r + 1 < runs && buf[re[r]!] === 45 && re[r]! - rs[r]! === 2 && re[r + 1]! - rs[r + 1]! === 3) {
        this.categories |= bit.contact | addressBit; // postal code NN-NNN: an address
      }
    }
    return j;
  }

  /** A group of digit runs read as one number: IBAN, card, NIP with dashes, phone, postal code. */
  private group(runs: number, total: number): boolean {
    const buf = this.buf;
    const rs = this.runStart;
    const re = this.runEnd;
    if (total < 9) {
      // Too short for any identifier: only a postal code (NN-NNN) means something.
      if (runs === 2 && total === 5 && re[0]! - rs[0]! === 2 && buf[re[0]!] === 45) {
        this.categories |= bit.contact | addressBit;
        return true;
      }
      return false;
    }
    const d = this.digits;
    let n = 0;
    for (let r = 0; r < runs; r++) for (let k = rs[r]!; k < re[r]!; k++) d[n++] = buf[k]! - 48;
    const first = rs[0]!;
    const before = first > this.floor ? buf[first - 1]! : 32;
    // "PL" before an account number, in either case ("pl61 1090 …" is written too).
    const pl =
      (before | 0x20) === 108 &&
      first - 2 >= this.floor &&
      (buf[first - 2]! | 0x20) === 112 &&
      !(first - 3 >= this.floor && isWordByte(buf[first - 3]!));
    if (isWordByte(before) && !pl) return false;
    const len0 = re[0]! - rs[0]!;
    if (total === 26 && identifierChecks.nrb(d, 0)) {
      this.found('iban', 0, 0, d, 0, 26);
      return true;
    }
    if (pl) return false;
    let allFours = true;
    for (let r = 0; r + 1 < runs; r++) if (re[r]! - rs[r]! !== 4) allFours = false;
    if (
      total >= 12 &&
      total <= 19 &&
      (allFours || (runs === 3 && len0 === 4)) &&
      identifierChecks.card(d, 0, total)
    ) {
      this.found('card', 0, 0, d, 0, total);
      return true;
    }
    const dashed = buf[re[0]!] === 45;
    if (total === 10 && dashed && runs === 4) {
      const key = identifierChecks.nip(d, 0);
      if (key) {
        this.found('nip', key, 0, d, 0, 10);
        return true;
      }
    }
    // +48 / 0048 / (48) country code, then 9 national digits.
    let at = 0;
    if (total === 11 && d[0] === 4 && d[1] === 8 && len0 === 2) at = 2;
    else if (total === 13 && len0 === 4 && d[0] === 0 && d[1] === 0 && d[2] === 4 && d[3] === 8) at = 4;
    if (total - at === 9 && (at > 0 || len0 <= 3)) {
      const key = identifierChecks.phone(d, at);
      if (key) {
        this.found('phone', key, 0, d, at, 9);
        return true;
      }
    }
    if (runs === 2 && len0 === 2 && total === 5 && dashed) {
      this.categories |= bit.contact | addressBit;
      return true;
    }
    return false;
  }

  /** One run of digits, bounded by non-digits; letters glued to it decide whether it is a document number. */
  private run(s: number, e: number, end: number): void {
    const len = e - s;
    if (len < 9 && len !== 2 && len !== 6 && len !== 7) return;
    const buf = this.buf;
    const after = e < end ? buf[e]! : 10;
    // Eleven digits are a PESEL candidate whatever letters touch them (the contract counts every 11-digit number
    // that is not part of a longer run of digits: PESEL44051401359 too); no document number has eleven.
    const eleven = len === 11;
    if ((isAsciiLetter(after) || after >= 128) && !eleven) return;
    const before = s > this.floor ? buf[s - 1]! : 32;
    const d = this.digits;
    // "\n", "\t" or "\r" written out, as JSON and logs escape a line break: the letter is not glued to the digits.
    const escaped =
      (before === 110 || before === 116 || before === 114) && s - 2 >= this.floor && buf[s - 2] === 92;
    if (isWordByte(before) && !escaped && !eleven) {
      // Letters glued to the digits: ID card (ABC123456), passport (AB1234567), NIP with PL, ICD-10 (E11.9).
      let letters = 0;
      while (letters < 4 && s - letters - 1 >= this.floor && isAsciiLetter(buf[s - letters - 1]!)) letters++;
      const ls = s - letters;
      if (isDigit(before) || (ls > this.floor && isWordByte(buf[ls - 1]!))) return;
      this.documentNumber(ls, letters, s, len, end);
      return;
    }
    if (before === 32 && len >= 6 && len <= 7 && s - 4 >= this.floor) {
      // "ABC 123456": a series and number with a space between.
      let letters = 0;
      while (letters < 4 && s - letters - 2 >= this.floor && isUpper(buf[s - letters - 2]!)) letters++;
      const ls = s - 1 - letters;
      if (letters >= 2 && letters <= 3 && !(ls > this.floor && isWordByte(buf[ls - 1]!))) {
        this.documentNumber(ls, letters, s, len, end);
        return;
      }
    }
    if (len < 9) return;
    for (let k = 0; k < len; k++) d[k] = buf[s + k]! - 48;
    const column = this.columnKind();
    if (column === 'pesel' && (len === 9 || len === 10)) {
      // Excel stores a PESEL as a number and drops its leading zeros: one for people born 2000–2009 (05…), two for
      // those born in 2000 (002…).
      const zeros = 11 - len;
      d.copyWithin(zeros, 0, len);
      d.fill(0, 0, zeros);
      const key = identifierChecks.pesel(d, 0);
      if (key) this.found('pesel', key, 0, d, 0, 11);
      else this.tally.peselInvalid++;
      return;
    }
    if (len === 11) {
      // +48 and nine digits, written without spaces: a phone number, whatever date its digits might spell.
      if (before === 43 && d[0] === 4 && d[1] === 8) {
        this.phone(d, 2);
        return;
      }
      const key = identifierChecks.pesel(d, 0);
      if (key) this.found('pesel', key, 0, d, 0, 11);
      else if (column === 'pesel' || (column === null && this.saysBefore(s, 'pesel')))
        this.tally.peselInvalid++;
      else if (column === 'phone' && d[0] === 4 && d[1] === 8) this.phone(d, 2);
      return;
    }
    if (len === 10) {
      const key = identifierChecks.nip(d, 0);
      if (key) this.found('nip', key, 0, d, 0, 10);
      return;
    }
    if (len === 9) {
      if (column === 'regon' || (column === null && this.saysBefore(s, 'regon'))) {
        if (identifierChecks.regon(d, 0, 9)) this.found('regon', 0, 0, d, 0, 9);
        return;
      }
      if (column === null || column === 'phone' || column === 'other') this.phone(d, 0);
      return;
    }
    if (len === 14 && (column === 'regon' || (column === null && this.saysBefore(s, 'regon')))) {
      if (identifierChecks.regon(d, 0, 14)) this.found('regon', 0, 0, d, 0, 14);
      return;
    }
    if (len === 26) {
      if (identifierChecks.nrb(d, 0)) this.found('iban', 0, 0, d, 0, 26);
      return;
    }
    // 0048 and nine digits: a phone number dialled from abroad.
    if (len === 13 && d[0] === 0 && d[1] === 0 && d[2] === 4 && d[3] === 8) {
      this.phone(d, 4);
      return;
    }
    if (len >= 12 && len <= 19 && identifierChecks.card(d, 0, len)) this.found('card', 0, 0, d, 0, len);
  }

  private phone(d: Uint8Array, at: number): void {
    const key = identifierChecks.phone(d, at);
    if (key) this.found('phone', key, 0, d, at, 9);
  }

  private documentNumber(ls: number, letters: number, s: number, len: number, end: number): void {
    const buf = this.buf;
    const d = this.digits;
    for (let k = 0; k < len && k < 40; k++) d[k] = buf[s + k]! - 48;
    const upper = isUpper(buf[ls]!) && isUpper(buf[ls + 1]!) && (letters < 3 || isUpper(buf[ls + 2]!));
    if (letters === 3 && len === 6 && upper) {
      const key = identifierChecks.idCard(buf, ls, d, 0);
      if (key) this.found('idCard', key, 0, d, 0, 6, ls);
    } else if (letters === 2 && upper && buf[ls] === 80 && buf[ls + 1] === 76 && len === 10) {
      const key = identifierChecks.nip(d, 0);
      if (key) this.found('nip', key, 0, d, 0, 10);
    } else if (letters === 2 && (buf[ls]! | 0x20) === 112 && (buf[ls + 1]! | 0x20) === 108 && len === 26) {
      if (identifierChecks.nrb(d, 0)) this.found('iban', 0, 0, d, 0, 26);
    } else if (letters === 2 && len === 7 && upper) {
      const key = identifierChecks.passport(buf, ls, d, 0);
      if (key) this.found('passport', key, 0, d, 0, 7, ls);
    } else if (letters === 1 && len === 2 && isUpper(buf[ls]!) && buf[ls] !== 85) {
      // ICD-10 (WHO; U is reserved): "E11.9" alone, or "E11" in a diagnosis column or after "ICD".
      const dotted = s + 3 < end && buf[s + 2] === 46 && isDigit(buf[s + 3]!);
      if (dotted || this.columnKind() === 'diagnosis' || this.saysBefore(ls, 'icd'))
        this.categories |= bit.health;
    }
  }

  private email(at: number, end: number): number {
    const buf = this.buf;
    let s = at;
    while (s > this.floor && at - s < 64 && isLocalPartByte(buf[s - 1]!)) s--;
    while (s < at && buf[s] === 46) s++;
    let e = at + 1;
    let lastDot = -1;
    while (e < end && e - at < 254 && isDomainByte(buf[e]!)) {
      if (buf[e] === 46) lastDot = e;
      e++;
    }
    while (e > at + 1 && (buf[e - 1] === 46 || buf[e - 1] === 45)) {
      e--;
      if (lastDot >= e) {
        lastDot = -1;
        for (let k = at + 1; k < e; k++) if (buf[k] === 46) lastDot = k;
      }
    }
    if (s === at || lastDot < at + 2 || e - lastDot - 1 < 2 || buf[at - 1] === 46) return at + 1;
    for (let k = lastDot + 1; k < e; k++) if (!isAsciiLetter(buf[k]!)) return at + 1;
    if (e < end && (buf[e] === 64 || buf[e]! >= 128)) return at + 1;
    this.lineHasContent = true;
    hashBytes(buf, s, e, true);
    this.tally.valid.email++;
    this.tally.sets.email.add(hashLo, hashHi);
    this.categories |= bit.contact;
    this.recordEmails.push(hashLo, hashHi);
    if (this.listing) this.remember('email', buf.toString('latin1', s, e).toLowerCase());
    return e;
  }

  /** Counts a valid identifier; `key` 0 means "hash the digits" (64-bit kinds). */
  private found(
    kind: IdentifierKind,
    key: number,
    _hi: number,
    d: Uint8Array,
    at: number,
    len: number,
    lettersAt = -1,
  ): void {
    const t = this.tally;
    t.valid[kind]++;
    if (key) t.sets[kind].add(key);
    else {
      hashBytes(d, at, at + len, false);
      t.sets[kind].add(hashLo, hashHi);
    }
    switch (kind) {
      case 'pesel':
        this.recordHasPesel = true;
        this.categories |= bit['national-id'];
        this.categories |= bit.identification;
        break;
      case 'idCard':
        this.recordIdCards.push(key);
        this.categories |= bit['national-id'];
        this.categories |= bit.identification;
        break;
      case 'passport':
      case 'nip':
        this.categories |= bit['national-id'];
        this.categories |= bit.identification;
        break;
      case 'regon':
        this.categories |= bit.identification;
        break;
      case 'iban':
      case 'card':
        this.categories |= bit.financial;
        break;
      case 'phone':
        this.recordPhones.push(key);
        this.categories |= bit.contact;
        break;
      default:
        break;
    }
    if (this.listing) {
      let text = '';
      if (lettersAt >= 0)
        text = this.buf.toString('latin1', lettersAt, lettersAt + (kind === 'idCard' ? 3 : 2));
      for (let k = at; k < at + len; k++) text += String(d[k]);
      if (kind === 'iban') text = `PL${text}`;
      this.remember(kind, text);
    }
  }

  private remember(kind: IdentifierKind, value: string): void {
    const list = this.recordValues[kind] ?? [];
    if (!list.includes(value)) list.push(value);
    this.recordValues[kind] = list;
  }

  /** Closes the current record: its people are counted by their strongest identifier. */
  endRecord(): void {
    const t = this.tally;
    if (!this.recordHasPesel) {
      if (this.recordIdCards.length > 0) for (const k of this.recordIdCards) t.subjects.idCard.add(k);
      else if (this.recordEmails.length > 0) {
        for (let k = 0; k < this.recordEmails.length; k += 2) {
          t.subjects.email.add(this.recordEmails[k]!, this.recordEmails[k + 1]!);
        }
      } else for (const k of this.recordPhones) t.subjects.phone.add(k);
    }
    if (this.listing) this.listPeople();
    this.recordHasPesel = false;
    // Setting an array's length is slow even when it does not change; most records hold none of these.
    if (this.recordIdCards.length > 0) this.recordIdCards.length = 0;
    if (this.recordEmails.length > 0) this.recordEmails.length = 0;
    if (this.recordPhones.length > 0) this.recordPhones.length = 0;
  }

  /** Keeps the cell that ends at `end` when its column holds a person's name or address. */
  private takeCell(end: number): void {
    const column = this.peopleColumns[this.column];
    const carry = this.cellCarry;
    this.cellCarry = null;
    if (!column) return;
    const here = this.buf.subarray(this.cellStart, Math.max(this.cellStart, end));
    const raw = carry ? Buffer.concat([carry, here]) : here;
    if (raw.length === 0) return;
    let text = this.encoding === 'utf8' ? raw.toString('utf8') : iconv().decode(raw, this.encoding);
    text = text.replace(/\r$/, '').trim();
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2)
      text = text.slice(1, -1).replace(/""/g, '"');
    text = text.trim();
    if (text !== '') this.recordCells[column] = text;
  }

  private listPeople(): void {
    const values = this.recordValues;
    this.recordValues = {};
    const cells = this.recordCells;
    if (this.capturing) this.recordCells = {};
    const strongest = (['pesel', 'idCard', 'email', 'phone'] as const).find(
      (k) => (values[k]?.length ?? 0) > 0,
    );
    if (!strongest) return;
    const keys = values[strongest]!;
    for (const key of keys) {
      const own: Partial<Record<IdentifierKind, string[]>> = keys.length === 1 ? { ...values } : {};
      own[strongest] = [key];
      const person: PersonRow = { key: `${strongest}:${key}`, values: own, files: [this.file] };
      // A row's name and address belong to its one person; a row of several people names none of them.
      if (keys.length === 1 && this.capturing) {
        const { name, address } = nameAndAddress(cells);
        if (name) person.name = name;
        if (address) person.address = address;
        if (name || address) person.nameFile = this.file;
      }
      this.tally.addPerson(person);
    }
  }
}
