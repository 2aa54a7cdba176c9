/**
 * The people to e-mail a communication to (art. 34 RODO): an uploaded list (CSV or XLSX, the same formats as the
 * letters' list, see documents/read-people-list.ts) or the people list a leak analysis kept. Only an e-mail column
 * is required ("e-mail", "adres e-mail", "email"…); names and the form of address are used when present. A row
 * without a usable address is reported, not fatal; an address met twice is written to once.
 */
import ExcelJS from 'exceljs';
import {
  decodeText,
  headerAndRows,
  normaliseHeader,
  PeopleListError,
  parseCsv,
} from '../documents/read-people-list.ts';
import { inferAddressForm, type Recipient } from '../domain/documents/communication-audience.ts';
import type { Lang } from '../domain/language.ts';

export type MailRecipient = Recipient & { email: string };
export type SkippedRow = { row: number; reason: string };

const aliases = {
  email: ['email', 'e mail', 'adres e mail', 'adres email', 'mail', 'poczta elektroniczna', 'email address'],
  firstName: ['imie', 'imiona', 'first name', 'firstname', 'given name'],
  lastName: ['nazwisko', 'surname', 'last name', 'lastname', 'family name'],
  fullName: ['imie i nazwisko', 'nazwisko i imie', 'name', 'full name', 'osoba', 'odbiorca', 'recipient'],
  form: ['plec', 'zwrot', 'forma', 'gender', 'sex', 'title', 'salutation'],
} as const;

const texts = {
  pl: {
    noRows: 'Plik „{file}” nie zawiera żadnej osoby (oczekiwano wiersza nagłówków i wierszy danych).',
    noEmail: 'W pliku „{file}” brak kolumny z adresem e-mail („e-mail”). Znalezione kolumny: {found}.',
    unreadable: 'Nie można odczytać pliku „{file}” jako CSV ani XLSX: {detail}',
    invalid: 'brak poprawnego adresu e-mail',
    duplicate: 'adres e-mail powtórzony (wiersz {row})',
  },
  en: {
    noRows: 'The file "{file}" holds nobody (a header row and data rows are expected).',
    noEmail: 'The file "{file}" has no e-mail column ("e-mail"). Columns found: {found}.',
    unreadable: 'Cannot read the file "{file}" as CSV or XLSX: {detail}',
    invalid: 'no valid e-mail address',
    duplicate: 'e-mail address repeated (row {row})',
  },
} as const;

const say = (lang: Lang, key: keyof (typeof texts)['pl'], params: Record<string, string | number> = {}) =>
  texts[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

const emailPattern = /^[^\s@<>",;()]+@[^\s@<>",;()]+\.[^\s@<>",;()]+$/;

/** The first well-formed address in a cell (the leak analysis joins several with spaces). */
export function firstEmail(cell: string): string | null {
  for (const part of cell.split(/[\s,;]+/)) {
    const candidate = part.trim().replace(/^mailto:/i, '');
    if (emailPattern.test(candidate)) return candidate;
  }
  return null;
}

function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('result' in value) return cellString(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readRows(bytes: Uint8Array): Promise<string[][]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return parseCsv(decodeText(bytes));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      values.push(cellString(row.getCell(column).value).trim());
    rows.push(values);
  });
  return rows;
}

/** Recipients with an e-mail address from a people list's bytes; rows without one are listed in `skipped`. */
export async function readMailRecipients(
  bytes: Uint8Array,
  file: string,
  lang: Lang = 'pl',
): Promise<{ recipients: MailRecipient[]; skipped: SkippedRow[] }> {
  let rows: string[][];
  try {
    rows = await readRows(bytes);
  } catch (error) {
    throw new PeopleListError(
      say(lang, 'unreadable', { file, detail: error instanceof Error ? error.message : String(error) }),
    );
  }
  const { header, data, firstRow } = headerAndRows(rows, (cells) =>
    cells.some((name) => (aliases.email as readonly string[]).includes(name)),
  );
  if (!header || data.length === 0) throw new PeopleListError(say(lang, 'noRows', { file }));
  const names = header.map(normaliseHeader);
  const index = (column: keyof typeof aliases) =>
    names.findIndex((name) => (aliases[column] as readonly string[]).includes(name));
  const at = {
    email: index('email'),
    firstName: index('firstName'),
    lastName: index('lastName'),
    fullName: index('fullName'),
    form: index('form'),
  };
  if (at.email < 0) {
    const found = header.map((h) => `„${h.trim()}”`).join(', ');
    throw new PeopleListError(say(lang, 'noEmail', { file, found }));
  }
  const recipients: MailRecipient[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  data.forEach((row, offset) => {
    const rowNumber = firstRow + offset + 1;
    const get = (column: number) => (column >= 0 ? (row[column] ?? '').trim() : '');
    const email = firstEmail(get(at.email));
    if (!email) {
      skipped.push({ row: rowNumber, reason: say(lang, 'invalid') });
      return;
    }
    const key = email.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      skipped.push({ row: rowNumber, reason: say(lang, 'duplicate', { row: earlier }) });
      return;
    }
    seen.set(key, rowNumber);
    let firstName = get(at.firstName);
    let lastName = get(at.lastName);
    if (!lastName && at.fullName >= 0) {
      const parts = get(at.fullName).split(/\s+/).filter(Boolean);
      lastName = parts.pop() ?? '';
      firstName = parts.join(' ');
    }
    recipients.push({
      email,
      firstName,
      lastName,
      addressLines: [],
      form: inferAddressForm(firstName, at.form >= 0 ? get(at.form) : null),
    });
  });
  return { recipients, skipped };
}
