import { writeFile } from 'node:fs/promises';
import { identifierChecks } from './identifier-checks.ts';
import type { IdentifierKind, PersonRow } from './scan-tally.ts';

const columns: readonly IdentifierKind[] = ['pesel', 'idCard', 'passport', 'email', 'phone', 'nip', 'iban'];

function cell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text from the leaked files (a file name, a person's name or address), which a spreadsheet must not read as a
 * formula: one that begins with =, +, - or @ gets a leading apostrophe (read back by recipientsFromScanList).
 */
function textCell(value: string): string {
  return cell(/^[=+\-@]/.test(value) ? `'${value}` : value);
}

function birthFacts(pesel: string | undefined, asOf: string): [string, string] {
  if (!pesel) return ['', ''];
  const d = Uint8Array.from(pesel, (c) => c.charCodeAt(0) - 48);
  const key = identifierChecks.pesel(d, 0);
  if (!key) return ['', ''];
  const f = identifierChecks.peselFacts(key);
  const birth = `${f.birthYear}-${String(f.birthMonth).padStart(2, '0')}-${String(f.birthDay).padStart(2, '0')}`;
  // A child as `minors` counts one (see countMinors): born after the day 18 years before asOf, and not after asOf.
  const child = birth > `${Number(asOf.slice(0, 4)) - 18}${asOf.slice(4)}` && birth <= asOf;
  return [birth, child ? 'tak' : 'nie'];
}

/**
 * Writes the people found, one row each, for the letters to data subjects (art. 34 RODO): their identifiers,
 * birth date and whether a child (from the PESEL), and the files they were found in. CSV with `;` and a BOM, as
 * Excel on a Polish Windows opens it.
 */
export async function writePersonList(
  file: string,
  people: readonly PersonRow[],
  asOf: string,
): Promise<void> {
  // "imię i nazwisko" and "adres", as a list for letters names them: the list feeds the letters (art. 34).
  const header = ['klucz', ...columns, 'data_urodzenia', 'dziecko', 'imię i nazwisko', 'adres', 'pliki'];
  const lines = [header.join(';')];
  const sorted = [...people].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const person of sorted) {
    const [birth, child] = birthFacts(person.values.pesel?.[0], asOf);
    const values = columns.map((k) => cell((person.values[k] ?? []).join(' ')));
    lines.push(
      [
        cell(person.key),
        ...values,
        birth,
        child,
        textCell(person.name ?? ''),
        textCell(person.address ?? ''),
        cell(person.files.map(textCell).join(' | ')),
      ].join(';'),
    );
  }
  await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`, { encoding: 'utf8' });
}
