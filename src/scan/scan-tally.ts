import { type AssessCategory, assessCategories } from '../domain/assess-categories.ts';
import { type DataCategory, dataCategories } from '../domain/data-categories.ts';
import { type KeyBlock, KeySet, type Run } from './key-set.ts';

/** The identifiers of the scan contract, in its order. */
export const identifierKinds = [
  'pesel',
  'idCard',
  'passport',
  'nip',
  'regon',
  'iban',
  'card',
  'email',
  'phone',
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

// Numbers with a lossless 32-bit key use one lane; the rest are keyed by a 64-bit hash of their digits or text.
const lanesOf: Record<IdentifierKind, 1 | 2> = {
  pesel: 1,
  idCard: 1,
  passport: 1,
  nip: 1,
  regon: 2,
  iban: 2,
  card: 2,
  email: 2,
  phone: 1,
};

/** People found in one record (row, line or paragraph), for the `--list` file; keyed by their strongest id. */
export type PersonRow = {
  key: string;
  values: Partial<Record<IdentifierKind, string[]>>;
  files: string[];
  /** Name and postal address from the row the person was found in (columns a list for letters names). */
  name?: string;
  address?: string;
  /** The file of the row the name and address come from. */
  nameFile?: string;
  /** The file each value was found in first, by kind, beside `values`; a row's own values: its one file. */
  sources?: Partial<Record<IdentifierKind, string[]>>;
};

/** The file of each of a person's values (see PersonRow.sources), made explicit before the person is merged. */
function sourcesOf(p: PersonRow): Partial<Record<IdentifierKind, string[]>> {
  if (!p.sources) {
    const file = p.files[0] ?? '';
    p.sources = {};
    for (const [kind, values] of Object.entries(p.values) as [IdentifierKind, string[]][]) {
      p.sources[kind] = values.map(() => file);
    }
  }
  return p.sources;
}

/**
 * Adds a person's values of one kind to those known, in the order of the file each was first found in, then of
 * finding within a file: the same order whatever order the files were scanned in (e-mails go to the first address).
 */
function addValues(list: string[], sources: string[], values: string[], from: string[]): void {
  values.forEach((value, index) => {
    const file = from[index] ?? '';
    const at = list.indexOf(value);
    if (at >= 0) {
      if (sources[at]! <= file) return;
      list.splice(at, 1);
      sources.splice(at, 1);
    }
    let position = list.length;
    while (position > 0 && sources[position - 1]! > file) position--;
    list.splice(position, 0, value);
    sources.splice(position, 0, file);
  });
}

/**
 * Whether a row's name and address should replace those kept for the same person: they go together (a letter's
 * name and address come from one row, never a name from one file and an address from another). A row with both
 * wins over one with only one of them, then the file first in the order of paths: the same people list whatever
 * order the files were scanned in. Within one file the first row stays (rows arrive in the file's order).
 */
function betterNameAndAddress(row: PersonRow, known: PersonRow): boolean {
  const completeness = (p: PersonRow) => (p.name ? 1 : 0) + (p.address ? 1 : 0);
  const difference = completeness(row) - completeness(known);
  if (completeness(row) === 0 || difference < 0) return false;
  if (difference > 0) return true;
  return (row.nameFile ?? '') < (known.nameFile ?? '');
}

export type IdentifierCount = { valid: number; distinct: number; invalid?: number };

/** A file's identifiers as the result lists them: the kinds it holds, each with its valid and distinct numbers. */
export function fileIdentifiers(
  s: { valid: Record<IdentifierKind, number>; peselInvalid: number },
  distinct: (k: IdentifierKind) => number,
): Partial<Record<IdentifierKind, IdentifierCount>> {
  const out: Partial<Record<IdentifierKind, IdentifierCount>> = {};
  for (const kind of identifierKinds) {
    const invalid = kind === 'pesel' ? s.peselInvalid : 0;
    if (s.valid[kind] === 0 && invalid === 0) continue;
    out[kind] = { valid: s.valid[kind], distinct: distinct(kind), ...(invalid > 0 ? { invalid } : {}) };
  }
  return out;
}

/** A tally in a form that crosses thread boundaries (typed arrays are transferred, not copied). */
export type TallySnapshot = {
  valid: Record<IdentifierKind, number>;
  peselInvalid: number;
  records: number;
  /** Distinct keys of each kind as coded blocks, each below the next. */
  keys: Record<IdentifierKind, KeyBlock[]>;
  subjectKeys: { idCard: KeyBlock[]; email: KeyBlock[]; phone: KeyBlock[] };
  categories: AssessCategory[];
  form: DataCategory[];
  people: PersonRow[] | null;
};

/** A key set's runs on their way to be counted on another thread (their blocks' buffers transferred). */
export type CountSet = { lanes: 1 | 2; runs: Run[] };

/** Counts sets on another thread and hands their runs back; null when no thread is free for it. */
export type CountElsewhere = (sets: CountSet[]) => Promise<{ counts: number[]; sets: CountSet[] }> | null;

function zeroCounts(): Record<IdentifierKind, number> {
  return { pesel: 0, idCard: 0, passport: 0, nip: 0, regon: 0, iban: 0, card: 0, email: 0, phone: 0 };
}

/**
 * What was found in one file or part of a file: occurrence counts, distinct keys, records and categories.
 * People are counted by their strongest identifier (see `subjectCount`): every valid PESEL is a person, and an ID
 * card, e-mail or phone number is a further person only where its record holds no stronger identifier.
 */
export class ScanTally {
  valid = zeroCounts();
  peselInvalid = 0;
  records = 0;
  readonly sets: Record<IdentifierKind, KeySet>;
  readonly subjects = { idCard: new KeySet(1), email: new KeySet(2), phone: new KeySet(1) };
  readonly categories = new Set<AssessCategory>();
  /**
   * Categories of UODO's form (section 6) the files show beyond their identifiers, which give their own (see
   * scanFindings): a header's columns (names, addresses…) and postal codes (addresses).
   */
  readonly form = new Set<DataCategory>();
  readonly people: Map<string, PersonRow> | null;

  constructor(listPeople: boolean) {
    this.sets = Object.fromEntries(
      identifierKinds.map((kind) => [kind, new KeySet(lanesOf[kind])]),
    ) as Record<IdentifierKind, KeySet>;
    this.people = listPeople ? new Map() : null;
  }

  distinct(kind: IdentifierKind): number {
    return this.sets[kind].size;
  }

  subjectCount(): number {
    return (
      this.sets.pesel.size + this.subjects.idCard.size + this.subjects.email.size + this.subjects.phone.size
    );
  }

  /**
   * Counts the distinct keys of every set not counted yet, some of them on another thread meanwhile: the sets, largest
   * first, go each to the side with fewer keys so far (the bench's 300 MB: IBAN and e-mail here, 2.6 million keys;
   * PESEL and phone there, 3.5 million).
   */
  async count(elsewhere: CountElsewhere): Promise<void> {
    const sets = [...Object.values(this.sets), ...Object.values(this.subjects)]
      .filter((set) => set.uncounted)
      .map((set) => ({ set, keys: set.runKeys }))
      .sort((a, b) => b.keys - a.keys);
    const here: KeySet[] = [];
    const away: KeySet[] = [];
    let hereKeys = 0;
    let awayKeys = 0;
    for (const { set, keys } of sets) {
      if (awayKeys < hereKeys) {
        away.push(set);
        awayKeys += keys;
      } else {
        here.push(set);
        hereKeys += keys;
      }
    }
    const sent = away.map((set) => ({ lanes: set.lanes, runs: set.takeRuns() }));
    const counted = away.length > 0 ? elsewhere(sent) : null;
    if (!counted) {
      for (let k = 0; k < away.length; k++) away[k]!.putRuns(sent[k]!.runs, null);
      here.push(...away);
    }
    // Counted here meanwhile: a set keeps its count once read.
    for (const set of here) void set.size;
    if (counted) {
      const back = await counted;
      for (let k = 0; k < away.length; k++) away[k]!.putRuns(back.sets[k]!.runs, back.counts[k]!);
    }
  }

  /** The categories a header names, of the assess contract and of UODO's form. */
  addHeader(header: { categories: readonly AssessCategory[]; form: readonly DataCategory[] }): void {
    for (const c of header.categories) this.categories.add(c);
    for (const c of header.form) this.form.add(c);
  }

  addPerson(row: PersonRow): void {
    if (!this.people) return;
    const known = this.people.get(row.key);
    if (!known) {
      this.people.set(row.key, row);
      return;
    }
    const knownSources = sourcesOf(known);
    const rowSources = sourcesOf(row);
    for (const [kind, values] of Object.entries(row.values) as [IdentifierKind, string[]][]) {
      const list = known.values[kind] ?? [];
      const sources = knownSources[kind] ?? [];
      addValues(list, sources, values, rowSources[kind] ?? []);
      known.values[kind] = list;
      knownSources[kind] = sources;
    }
    if (betterNameAndAddress(row, known)) {
      if (row.name) known.name = row.name;
      else delete known.name;
      if (row.address) known.address = row.address;
      else delete known.address;
      if (row.nameFile) known.nameFile = row.nameFile;
      else delete known.nameFile;
    }
    // The files in the order of paths, so the list reads the same whatever order they were scanned in.
    for (const f of row.files) if (!known.files.includes(f)) known.files.push(f);
    known.files.sort();
  }

  /** The tally's counts, with its key sets moved into the snapshot (the tally is left without keys). */
  snapshot(): TallySnapshot {
    const keys = Object.fromEntries(
      identifierKinds.map((kind) => [kind, this.sets[kind].takeBlocks()]),
    ) as Record<IdentifierKind, KeyBlock[]>;
    return {
      valid: { ...this.valid },
      peselInvalid: this.peselInvalid,
      records: this.records,
      keys,
      subjectKeys: {
        idCard: this.subjects.idCard.takeBlocks(),
        email: this.subjects.email.takeBlocks(),
        phone: this.subjects.phone.takeBlocks(),
      },
      categories: assessCategories.filter((c) => this.categories.has(c)),
      form: dataCategories.filter((c) => this.form.has(c)),
      people: this.people ? [...this.people.values()] : null,
    };
  }

  /** Adds another tally of this thread, whose key sets are moved here (it is left without keys). */
  absorb(other: ScanTally): void {
    for (const kind of identifierKinds) {
      this.valid[kind] += other.valid[kind];
      this.sets[kind].absorb(other.sets[kind]);
    }
    this.peselInvalid += other.peselInvalid;
    this.records += other.records;
    this.subjects.idCard.absorb(other.subjects.idCard);
    this.subjects.email.absorb(other.subjects.email);
    this.subjects.phone.absorb(other.subjects.phone);
    for (const c of other.categories) this.categories.add(c);
    for (const c of other.form) this.form.add(c);
    if (other.people) for (const row of other.people.values()) this.addPerson(row);
  }

  /** Adds another tally's snapshot: counts add up, keys unite (`last`: the last snapshot before counting). */
  merge(other: TallySnapshot, last = false): void {
    for (const kind of identifierKinds) {
      this.valid[kind] += other.valid[kind];
      this.sets[kind].addBlocks(other.keys[kind], last);
    }
    this.peselInvalid += other.peselInvalid;
    this.records += other.records;
    this.subjects.idCard.addBlocks(other.subjectKeys.idCard, last);
    this.subjects.email.addBlocks(other.subjectKeys.email, last);
    this.subjects.phone.addBlocks(other.subjectKeys.phone, last);
    for (const c of other.categories) this.categories.add(c);
    for (const c of other.form) this.form.add(c);
    if (other.people) for (const row of other.people) this.addPerson(row);
  }
}

/** Transferable buffers of a snapshot, for `postMessage`. */
export function snapshotTransferList(s: TallySnapshot): ArrayBuffer[] {
  const arrays = [
    ...Object.values(s.keys),
    s.subjectKeys.idCard,
    s.subjectKeys.email,
    s.subjectKeys.phone,
  ].flat();
  return arrays.map((block) => block.bytes.buffer as ArrayBuffer);
}
