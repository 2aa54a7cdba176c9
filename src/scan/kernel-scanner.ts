import { assessCategories } from '../domain/assess-categories.ts';
import {
  addCategoryBits,
  addressBit,
  ByteScanner,
  type ByteScannerOptions,
  foldText,
  type TextEncoding,
} from './byte-scanner.ts';
import type { ColumnKind } from './header-rules.ts';
import { iconv } from './iconv.ts';
import { cardIssuers, phonePrefixes } from './identifier-checks.ts';
import { blocksFromKernel, type CountKernel, type KeySet, setCountKernel } from './key-set.ts';
import { keywordRules } from './keyword-rules.ts';
import { longLineCut } from './scan-chunks.ts';
import { getKernelModule } from './scan-kernel-module.ts';
import { identifierKinds, ScanTally } from './scan-tally.ts';

/** What scanRange and scanChunks need of a scanner; ByteScanner and KernelScanner both give it. */
export type TextScanner = {
  inQuotes: boolean;
  scan(buf: Buffer, start?: number, end?: number): void;
  finish(): void;
};

type KernelExports = CountKernel & {
  memory: WebAssembly.Memory;
  init(
    mode: number,
    delimiter: number,
    countRecords: number,
    contact: number,
    health: number,
    nationalId: number,
    identification: number,
    financial: number,
    address: number,
  ): void;
  addPrefix(key: number, bits: number): void;
  setColumn(index: number, kind: number): void;
  addPhonePrefix(prefix: number): void;
  addCardIssuer(from: number, to: number, digits: number, lengthMask: number): void;
  inputPtr(bytes: number): number;
  validCount(list: number): number;
  sortList(list: number): number;
  codeList(list: number, keys: number): number;
  codedAt(): number;
  clearList(list: number): void;
  setListLimit(keys: number): void;
  setInQuotes(value: number): void;
  counter(which: number): number;
  scan(end: number): void;
  finish(): void;
};

/** One instance of the kernel, and the scanner it serves now (its imports call back into that scanner). */
type Slot = { exports: KernelExports; owner: KernelScanner | null };

const modes = { csv: 0, lines: 1, text: 2, json: 3 } as const;
// Column kinds in the kernel's numbering (0: no column).
const columnCodes: Record<ColumnKind, number> = {
  pesel: 1,
  nip: 2,
  regon: 3,
  idCard: 4,
  passport: 5,
  phone: 6,
  email: 7,
  iban: 8,
  card: 9,
  diagnosis: 10,
  other: 11,
};
const bit = (c: (typeof assessCategories)[number]) => 1 << assessCategories.indexOf(c);

// Keyword stems by their first four letters, packed as the kernel packs them (see byte-scanner.ts).
const packPrefix = (s: string) =>
  ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
const stemsByPrefix = new Map<number, { stem: string; bits: number }[]>();
for (const rule of keywordRules) {
  const key = packPrefix(rule.stem);
  stemsByPrefix.set(key, [...(stemsByPrefix.get(key) ?? []), { stem: rule.stem, bits: bit(rule.category) }]);
}
// What each kernel instance is told on every init, worked out once: prefixes in order with their categories'
// bits, and each card issuer's lengths as a bit mask.
const prefixTable = [...stemsByPrefix]
  .sort((a, b) => a[0] - b[0])
  .map(([key, rules]) => ({ key, bits: rules.reduce((b, r) => b | r.bits, 0) }));
const issuerTable = cardIssuers.map((c) => ({
  ...c,
  lengthMask: c.lengths.reduce((m, n) => m | (1 << n), 0),
}));

// The kernel's key lists in its numbering: identifier kinds (scan-tally.ts order), then people by their kind.
const lists: ((t: ScanTally) => KeySet)[] = [
  ...identifierKinds.map((kind) => (t: ScanTally) => t.sets[kind]),
  (t) => t.subjects.idCard,
  (t) => t.subjects.email,
  (t) => t.subjects.phone,
];

/** Input given to the kernel at once; longer pieces are cut at a line end (as scanChunks cuts a stream). */
const maxPiece = 16 << 20;

// Instances are reused, scanner after scanner: a new one per part of a file would leave its memory (as large as
// the part's reads) to the garbage collector.
const idle: Slot[] = [];

function newSlot(module: WebAssembly.Module): Slot {
  const slot: Slot = { exports: undefined as unknown as KernelExports, owner: null };
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort: () => {
        throw new Error('scan kernel aborted');
      },
    },
    'scan-kernel': {
      drain: (list: number) => slot.owner?.takeKeys(list),
      keyword: (from: number, to: number) => slot.owner?.keyword(from, to) ?? 0,
    },
  });
  slot.exports = instance.exports as unknown as KernelExports;
  return slot;
}

let counting: KernelExports | null | undefined;

/** The kernel instance this thread's key sets count in (one of its own: counts run one after another). */
export function kernelCount(): CountKernel | null {
  if (counting === undefined) {
    const module = getKernelModule();
    counting = module ? newSlot(module).exports : null;
  }
  return counting;
}
setCountKernel(kernelCount);

/**
 * The byte scanner of src/scan/byte-scanner.ts run as WebAssembly (assembly/scan-kernel.ts): the same counts, at
 * several times the speed. It serves the byte modes without a people list; `createTextScanner` picks it when it
 * can and the JavaScript scanner otherwise (no kernel built, spreadsheet cells, `--list`).
 */
export class KernelScanner implements TextScanner {
  private readonly slot: Slot;
  private readonly k: KernelExports;
  private readonly tally: ScanTally;
  private readonly encoding: TextEncoding;

  constructor(module: WebAssembly.Module, options: ByteScannerOptions) {
    this.slot = idle.pop() ?? newSlot(module);
    this.slot.owner = this;
    this.k = this.slot.exports;
    this.tally = options.tally;
    this.encoding = options.encoding;
    const k = this.k;
    const mode = options.mode === 'cells' ? modes.text : modes[options.mode];
    k.init(
      mode,
      options.mode === 'csv' && options.delimiter !== undefined ? options.delimiter : -1,
      options.countRecords ? 1 : 0,
      bit('contact'),
      bit('health'),
      bit('national-id'),
      bit('identification'),
      bit('financial'),
      addressBit,
    );
    for (const { key, bits } of prefixTable) k.addPrefix(key, bits);
    (options.columns ?? []).forEach((c, index) => {
      k.setColumn(index, columnCodes[c]);
    });
    for (const p of phonePrefixes) k.addPhonePrefix(p);
    for (const c of issuerTable) k.addCardIssuer(c.from, c.to, c.digits, c.lengthMask);
  }

  /** Makes the kernel hand its keys over after `keys` of a kind (tests use a small limit to exercise that). */
  limitKeyLists(keys: number): void {
    this.k.setListLimit(keys);
  }

  get inQuotes(): boolean {
    return this.k.counter(0) !== 0;
  }

  set inQuotes(value: boolean) {
    this.k.setInQuotes(value ? 1 : 0);
  }

  scan(buf: Buffer, start = 0, end = buf.length): void {
    let from = start;
    while (end - from > maxPiece) {
      const nl = buf.lastIndexOf(10, from + maxPiece - 1);
      const cut = nl >= from ? nl + 1 : longLineCut(buf, from, from + maxPiece);
      this.scanPiece(buf, from, cut);
      from = cut;
    }
    if (end > from) this.scanPiece(buf, from, end);
  }

  /**
   * The kernel's own input, `bytes` long, for a read to go straight there (scanInput then scans it without a copy).
   * Its bytes stay as they are unless it must grow; a buffer given before a scan is stale after it (the scan may
   * grow the kernel's memory).
   */
  input(bytes: number): Buffer {
    const ptr = this.k.inputPtr(bytes);
    return Buffer.from(this.k.memory.buffer, ptr, bytes);
  }

  /** Scans the first `length` bytes of the kernel's own input (see input), a piece that ends at a line end. */
  scanInput(length: number): void {
    this.k.scan(length);
  }

  private scanPiece(buf: Buffer, from: number, to: number): void {
    const k = this.k;
    const ptr = k.inputPtr(to - from);
    buf.copy(new Uint8Array(k.memory.buffer, ptr, to - from), 0, from, to);
    k.scan(to - from);
  }

  finish(): void {
    const k = this.k;
    k.finish();
    for (let list = 0; list < lists.length; list++) this.takeKeys(list);
    identifierKinds.forEach((kind, code) => {
      this.tally.valid[kind] += k.validCount(code);
    });
    this.tally.records += k.counter(2);
    this.tally.peselInvalid += k.counter(3);
    const categories = k.counter(1);
    addCategoryBits(this.tally, categories);
    this.slot.owner = null;
    idle.push(this.slot);
  }

  /**
   * Unites the kernel's key list with its key set: the kernel sorts it, keeps one of each key and codes the keys
   * into the set's blocks (codeList), which are copied out before it runs again.
   */
  takeKeys(list: number): void {
    const k = this.k;
    const n = k.sortList(list);
    if (n > 0) {
      const length = k.codeList(list, n);
      lists[list]!(this.tally).addBlocks(blocksFromKernel(k.memory.buffer, k.codedAt(), length));
    }
    k.clearList(list);
  }

  /** The category bits of the word at [from, to) of the kernel's input, decoded and folded. */
  keyword(from: number, to: number): number {
    const bytes = Buffer.from(this.k.memory.buffer, this.k.inputPtr(0) + from, to - from);
    const key = packPrefix(String.fromCharCode(...[...bytes.subarray(0, 4)].map((c) => c | 0x20)));
    const text = this.encoding === 'utf8' ? bytes.toString('utf8') : iconv().decode(bytes, this.encoding);
    const folded = foldText(text);
    let bits = 0;
    for (const rule of stemsByPrefix.get(key) ?? []) if (folded.startsWith(rule.stem)) bits |= rule.bits;
    return bits;
  }
}

/** The fastest scanner that counts exactly what ByteScanner counts for these options. */
/** Columns the kernel knows the kinds of (maxColumns in assembly/scan-kernel.ts); a wider table is scanned in JavaScript. */
const kernelColumns = 1024;

export function kernelFor(options: ByteScannerOptions): KernelScanner | null {
  if (options.mode === 'cells' || options.tally.people !== null) return null;
  if ((options.columns?.length ?? 0) > kernelColumns) return null;
  const module = getKernelModule();
  return module ? new KernelScanner(module, options) : null;
}

/** The scanner for a text file or part: the kernel when it applies, else the JavaScript scanner. */
export function createTextScanner(options: ByteScannerOptions): TextScanner {
  return kernelFor(options) ?? new ByteScanner(options);
}

let warmed = false;

/**
 * Scans 300 made-up rows (30 KB) in this thread, so that V8 compiles the kernel's scan loop with its optimizing
 * compiler while the worker threads start. A WebAssembly function first runs as V8's baseline code, about three
 * times slower here, and is compiled again in the background once it has run a while; compiled code then serves
 * every instance of the module, in every thread. Without this, each worker's first part waited for that
 * compilation, with every core busy scanning: the 300 MB bench's first parts took about 50 ms longer than the next
 * ones, 30 ms with it, and the command's median fell from 0.81 to 0.77 s.
 */
export function warmKernel(): void {
  const module = getKernelModule();
  if (!module || warmed) return;
  warmed = true;
  const rows: string[] = [];
  for (let k = 100; k < 400; k++) {
    rows.push(
      `${k};Jan Kowalski;44051401${k};ul. Zielona ${k}/3;00-950;501 234 ${k};jan${k}@example.pl;PL61 1090 1014 0000 0712 1981 2${k};leczenie`,
    );
  }
  try {
    const tally = new ScanTally(false);
    const scanner = new KernelScanner(module, {
      tally,
      mode: 'csv',
      encoding: 'utf8',
      delimiter: 59,
      countRecords: true,
      file: '',
    });
    scanner.scan(Buffer.from(`${rows.join('\n')}\n`));
    scanner.finish();
  } catch {
    // Only a head start: the workers compile the loop themselves.
  }
}
