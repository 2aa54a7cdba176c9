/**
 * The list of people to write to (art. 34 letters), uploaded as CSV (any of ; , tab as separator; UTF-8 with or
 * without BOM, or Windows-1250 as older Polish Excel saves it) or XLSX (first sheet). Headers are matched without
 * regard to case or Polish letters, in Polish or English: imię / first name, nazwisko / surname, or one column
 * "imię i nazwisko" / name; adres / address (or ulica + kod pocztowy + miejscowość); optional płeć / zwrot. A
 * missing column or an empty required cell is an error naming the column and the row.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { inferAddressForm, type Recipient } from '../domain/documents/communication-audience.ts';
import {
  peopleColumnAliases as aliases,
  type PeopleColumn as Column,
  excelSeparatorLine,
  maxTitleRows,
  normaliseHeader,
} from '../domain/documents/people-columns.ts';

export { normaliseHeader };

export class PeopleListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeopleListError';
  }
}

const texts = {
  pl: {
    noRows:
      'Plik „{file}” nie zawiera żadnej osoby (oczekiwano wiersza nagłówków i co najmniej jednego wiersza danych).',
    noName: 'W pliku „{file}” brak kolumny „nazwisko” (lub „imię i nazwisko”). Znalezione kolumny: {found}.',
    noAddress:
      'W pliku „{file}” brak kolumny „adres” (lub „ulica” z „miejscowość”). Znalezione kolumny: {found}.',
    empty: 'Plik „{file}”, wiersz {row}: puste pole w kolumnie „{column}”.',
    unreadable: 'Nie można odczytać pliku „{file}” jako CSV ani XLSX: {detail}',
    noneAddressed:
      'Analiza nie znalazła nikogo z imieniem, nazwiskiem i adresem: pisma wymagają w analizowanych tabelach kolumn imię i nazwisko oraz adres (albo ulica, kod pocztowy, miejscowość).',
  },
  en: {
    noRows: 'The file "{file}" holds nobody (a header row and at least one data row are expected).',
    noName: 'The file "{file}" has no column "surname" (or "name"). Columns found: {found}.',
    noAddress: 'The file "{file}" has no column "address" (or "street" with "city"). Columns found: {found}.',
    empty: 'File "{file}", row {row}: the column "{column}" is empty.',
    unreadable: 'Cannot read the file "{file}" as CSV or XLSX: {detail}',
    noneAddressed:
      'The analysis found nobody with a name and an address: letters need columns of first name and surname and of address (or street, postal code, city) in the tables analysed.',
  },
} as const;

type Lang = keyof typeof texts;
const say = (lang: Lang, key: keyof (typeof texts)['pl'], params: Record<string, string | number>) =>
  texts[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** Decodes UTF-8 when the bytes are valid UTF-8, else Windows-1250 (older Polish Excel "CSV"). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(Buffer.from(bytes), 'win1250');
  }
}

/**
 * RFC 4180 CSV with the separator guessed from the header line (; , or tab), or named by Excel's hint line before it
 * ("sep=;"), which is no row.
 */
export function parseCsv(text: string): string[][] {
  const hint = excelSeparatorLine.exec(text);
  const source = hint ? text.slice(hint[0].length) : text;
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator =
    hint?.[1] ??
    [';', '\t', ','].reduce((best, candidate) =>
      firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
    );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((value) => value.trim() !== ''));
}

function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellString(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let column = 1; column <= width; column++) values.push(cellString(row.getCell(column).value).trim());
    rows.push(values);
  });
  return rows;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * A list's header and rows: the header is the first row, or a row under up to three title rows ("Lista uczniów
 * klasy 3b", a date) when it is the first that `names` accepts (by its normalised cells). `firstRow` is the header's
 * row number, counting from 1, for messages that name a row.
 */
export function headerAndRows(
  rows: readonly string[][],
  names: (normalised: string[]) => boolean,
): { header: string[] | undefined; data: readonly string[][]; firstRow: number } {
  const at = rows.slice(0, maxTitleRows + 1).findIndex((row) => names(row.map(normaliseHeader)));
  const start = Math.max(at, 0);
  return { header: rows[start], data: rows.slice(start + 1), firstRow: start + 1 };
}

/** Recipients from the rows of a table whose first row (or the first under its title rows) is the header. */
export function recipientsFromRows(rows: readonly string[][], file: string, lang: Lang = 'pl'): Recipient[] {
  const { header, data, firstRow } = headerAndRows(rows, (cells) =>
    cells.some((name) => aliases.lastName.includes(name) || aliases.fullName.includes(name)),
  );
  if (!header || data.length === 0) throw new PeopleListError(say(lang, 'noRows', { file }));
  const names = header.map(normaliseHeader);
  const found = header.map((h) => `„${h.trim()}”`).join(', ');
  const index = (column: Column) => names.findIndex((name) => aliases[column].includes(name));
  const at = {
    firstName: index('firstName'),
    lastName: index('lastName'),
    fullName: index('fullName'),
    address: index('address'),
    street: index('street'),
    postalCode: index('postalCode'),
    city: index('city'),
    form: index('form'),
  };
  if (at.lastName < 0 && at.fullName < 0) throw new PeopleListError(say(lang, 'noName', { file, found }));
  if (at.address < 0 && (at.street < 0 || at.city < 0))
    throw new PeopleListError(say(lang, 'noAddress', { file, found }));
  return data.map((row, offset) => {
    const rowNumber = firstRow + offset + 1;
    const get = (column: number) => (column >= 0 ? (row[column] ?? '').trim() : '');
    const required = (column: number): string => {
      const value = get(column);
      if (value === '')
        throw new PeopleListError(
          say(lang, 'empty', { file, row: rowNumber, column: header[column]?.trim() ?? '' }),
        );
      return value;
    };
    let firstName: string;
    let lastName: string;
    if (at.lastName >= 0) {
      lastName = required(at.lastName);
      firstName = at.firstName >= 0 ? get(at.firstName) : '';
    } else {
      const parts = required(at.fullName).split(/\s+/);
      lastName = parts.pop() ?? '';
      firstName = parts.join(' ');
    }
    const addressLines =
      at.address >= 0
        ? required(at.address)
            .split(/\r?\n|,\s*(?=\d{2}-\d{3})/)
            .map((line) => line.trim())
            .filter(Boolean)
        : [required(at.street), [get(at.postalCode), required(at.city)].filter(Boolean).join(' ')];
    if (at.address >= 0 && (at.postalCode >= 0 || at.city >= 0)) {
      const cityLine = [get(at.postalCode), get(at.city)].filter(Boolean).join(' ');
      if (cityLine) addressLines.push(cityLine);
    }
    return {
      firstName,
      lastName,
      addressLines,
      form: inferAddressForm(firstName, at.form >= 0 ? get(at.form) : null),
    };
  });
}

/** Reads the list from the file's bytes; XLSX is recognised by content, not by name. */
export async function readPeopleList(
  bytes: Uint8Array,
  file: string,
  lang: Lang = 'pl',
): Promise<Recipient[]> {
  let rows: string[][];
  try {
    rows = isZip(bytes) ? await readXlsxRows(bytes) : parseCsv(decodeText(bytes));
  } catch (error) {
    throw new PeopleListError(
      say(lang, 'unreadable', { file, detail: error instanceof Error ? error.message : String(error) }),
    );
  }
  return recipientsFromRows(rows, file, lang);
}

/**
 * The people of a leak analysis's list (incydent scan --list) who can be written to: those it found with a name and
 * an address (from a table's columns); the others are counted, for the DPO to reach some other way.
 */
export function recipientsFromScanList(
  bytes: Uint8Array,
  lang: Lang = 'pl',
): { recipients: Recipient[]; withoutAddress: number } {
  // The list writer's guard against formulas (an apostrophe before =, +, - or @) is not part of a name or address.
  const [header, ...rows] = parseCsv(decodeText(bytes)).map((row) =>
    row.map((c) => c.replace(/^'(?=[=+\-@])/, '')),
  );
  const names = (header ?? []).map(normaliseHeader);
  const name = names.indexOf('imie i nazwisko');
  const address = names.indexOf('adres');
  const addressed = rows.filter(
    (row) => name >= 0 && address >= 0 && row[name]?.trim() && row[address]?.trim(),
  );
  if (!header || addressed.length === 0) throw new PeopleListError(say(lang, 'noneAddressed', {}));
  return {
    recipients: recipientsFromRows([header, ...addressed], 'osoby.csv', lang),
    withoutAddress: rows.filter((row) => row.some((c) => c.trim() !== '')).length - addressed.length,
  };
}
