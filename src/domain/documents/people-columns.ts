/**
 * The columns of a list of people to write to (art. 34 RODO): a header is matched without regard to case or Polish
 * letters, in Polish or English. The letters read uploaded lists by them (src/documents/read-people-list.ts), and
 * the leak analysis reads the names and addresses of the people it finds in a table by them, so that its list
 * feeds the letters.
 */
export type PeopleColumn =
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'address'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'form';

export const peopleColumnAliases: Record<PeopleColumn, readonly string[]> = {
  firstName: ['imie', 'imiona', 'first name', 'firstname', 'given name', 'forename'],
  lastName: ['nazwisko', 'surname', 'last name', 'lastname', 'family name'],
  fullName: ['imie i nazwisko', 'nazwisko i imie', 'name', 'full name', 'osoba', 'odbiorca', 'recipient'],
  address: ['adres', 'address', 'adres zamieszkania', 'adres do korespondencji', 'postal address'],
  street: ['ulica', 'ulica i numer', 'street', 'street address'],
  postalCode: ['kod pocztowy', 'kod', 'postal code', 'postcode', 'zip', 'zip code'],
  city: ['miejscowosc', 'miasto', 'poczta', 'city', 'town'],
  form: ['plec', 'zwrot', 'forma', 'gender', 'sex', 'title', 'salutation'],
};

/** "Imię " → "imie": lower case, no Polish letters, single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The column of a people list a header names, if any. */
export function peopleColumnOf(header: string): PeopleColumn | null {
  const name = normaliseHeader(header);
  for (const [column, names] of Object.entries(peopleColumnAliases) as [PeopleColumn, readonly string[]][]) {
    if (names.includes(name)) return column;
  }
  return null;
}

/** A person's name and postal address as the letters need them, from the cells of the columns above. */
export function nameAndAddress(cells: Partial<Record<PeopleColumn, string>>): {
  name: string;
  address: string;
} {
  const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
  const name =
    clean(cells.fullName) || [clean(cells.firstName), clean(cells.lastName)].filter(Boolean).join(' ');
  // A postal code or a town alone is no address to send a letter to: the street (or the whole address) must be there.
  const street = clean(cells.address) || clean(cells.street);
  const cityLine = [clean(cells.postalCode), clean(cells.city)].filter(Boolean).join(' ');
  return { name, address: street ? [street, cityLine].filter(Boolean).join(', ') : '' };
}

/**
 * Title rows above a table's header that are looked past for it ("Lista uczniów klasy 3b", a date), as lists and
 * reports exported from other systems begin: by the leak analysis (CSV and sheets) and the people lists alike.
 */
export const maxTitleRows = 3;

/** Excel's hint line before a CSV's header ("sep=;"), which names the delimiter and is no row: its one character. */
export const excelSeparatorLine = /^sep=([^\r\n])\r?\n/i;
