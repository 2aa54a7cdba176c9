// The byte scanner's hot path (src/scan/byte-scanner.ts) compiled to WebAssembly by AssemblyScript: the same
// detectors, checks and record rules, line for line, without the JavaScript engine's per-byte overhead. It covers
// the byte modes (csv, lines, text, json) when no people are listed; src/scan/kernel-scanner.ts feeds it and turns
// its output into the tally, and the property tests hold it to the JavaScript scanner.
// Everything is in linear memory addressed by offsets; `load`/`store` avoid bounds checks in the loop.

// Byte classes (as in byte-scanner.ts).
const BORING: u32 = 0;
const DIGIT: u32 = 1;
const LETTER: u32 = 2;
const AT: u32 = 3;
const NL: u32 = 4;
const DELIM: u32 = 5;
const QUOTE: u32 = 6;
const OPEN: u32 = 7;
const CLOSE: u32 = 8;
const ESCAPE: u32 = 9;

const MODE_CSV: i32 = 0;
const MODE_LINES: i32 = 1;
const MODE_TEXT: i32 = 2;
const MODE_JSON: i32 = 3;

// Column kinds (0: no column), in the order of kernel-scanner.ts.
const COL_NONE: i32 = 0;
const COL_PESEL: i32 = 1;
const COL_REGON: i32 = 3;
const COL_PHONE: i32 = 6;
const COL_DIAGNOSIS: i32 = 10;
const COL_OTHER: i32 = 11;

// Output codes: identifier kinds in scan-tally.ts order, then the people of a record.
const K_PESEL: u32 = 0;
const K_IDCARD: u32 = 1;
const K_PASSPORT: u32 = 2;
const K_NIP: u32 = 3;
const K_REGON: u32 = 4;
const K_IBAN: u32 = 5;
const K_CARD: u32 = 6;
const K_EMAIL: u32 = 7;
const K_PHONE: u32 = 8;
const S_IDCARD: u32 = 9;
const S_EMAIL: u32 = 10;
const S_PHONE: u32 = 11;

/** Tells the host that key list `list` is full: it takes its keys (see sortList) before the scan goes on. */
declare function drain(list: i32): void;
/** Asks the host which category bits the word at [from, to) of the input gives (decoding and folding it). */
declare function keyword(from: i32, to: i32): i32;

// Category bits, given by the host (assess-categories order).
let bitContact: i32 = 0;
let bitHealth: i32 = 0;
let bitNationalId: i32 = 0;
let bitIdentification: i32 = 0;
let bitFinancial: i32 = 0;
/** A postal code: an address (bitContact alone is also an e-mail or a phone). */
let bitAddress: i32 = 0;

const classes = memory.data(256);
const firstTwo = memory.data(65536);
const maxPrefixes = 64;
const prefixKeys = memory.data(maxPrefixes * 4);
const prefixBits = memory.data(maxPrefixes * 4);
let prefixCount: i32 = 0;
const maxColumns = 1024;
const columns = memory.data(maxColumns);
let columnCount: i32 = 0;
const digits = memory.data(96);
const runStart = memory.data(12 * 4);
const runEnd = memory.data(12 * 4);
const monthStarts = memory.data(500 * 12 * 4);
const phonePrefixes = memory.data(100);
const cardIssuers = memory.data(16 * 4 * 4);
let cardIssuerCount: i32 = 0;

// Keys found, one list per output code: appended as found, radix sorted and made distinct here when the host takes
// them (a full list, or the end of a scan), so the host receives sorted blocks for its key sets.
const lists = 12;
const listPtr = memory.data(lists * 4);
const listCount = memory.data(lists * 4);
const listCapacity = memory.data(lists * 4);
const validCounts = memory.data(lists * 4);
/**
 * Keys a list holds before the host must take them (bounds memory when one file repeats few values). Fewer keys a
 * list means more, smaller runs for the host's key sets to merge: 2^17 cost a 300 MB scan a quarter more processor
 * time than 2^19.
 */
let maxListKeys: i32 = 0;
let scratch: usize = 0;
let scratchBytes: usize = 0;
const radixCounts = memory.data(2048 * 4);

let input: usize = 0;
let inputCapacity: i32 = 0;
// Per record: ID cards, e-mails (two words each), phones.
let recordIdCards: usize = 0;
let recordEmails: usize = 0;
let recordPhones: usize = 0;
let recordCapacity: i32 = 0;
let idCardCount: i32 = 0;
let emailCount: i32 = 0;
let phoneCount: i32 = 0;

let mode: i32 = 0;
let countRecords: bool = false;
let inQuotes: i32 = 0;
let categories: i32 = 0;
let records: i32 = 0;
let peselInvalid: i32 = 0;
let column: i32 = 0;
let depth: i32 = 0;
let topIsArray: bool = false;
let lineHasContent: bool = false;
let recordHasContent: bool = false;
let linesInRecord: i32 = 0;
let recordHasPesel: bool = false;
let hashLo: u32 = 0;
let hashHi: u32 = 0;

// ---------------------------------------------------------------------------------------------------------------
// Set-up (called by the host once per scanner).

function grow(bytes: usize): usize {
  return heap.alloc(bytes);
}

export function init(
  scanMode: i32,
  delimiter: i32,
  records_: bool,
  contact: i32,
  health: i32,
  nationalId: i32,
  identification: i32,
  financial: i32,
  address: i32,
): void {
  mode = scanMode;
  countRecords = records_;
  // An instance serves one scanner after another: everything a scan leaves behind starts again.
  maxListKeys = 1 << 19;
  prefixCount = 0;
  memory.fill(firstTwo, 0, 65536);
  columnCount = 0;
  cardIssuerCount = 0;
  inQuotes = 0;
  lastByte = 10;
  categories = 0;
  records = 0;
  peselInvalid = 0;
  column = 0;
  depth = 0;
  topIsArray = false;
  lineHasContent = false;
  recordHasContent = false;
  linesInRecord = 0;
  recordHasPesel = false;
  idCardCount = 0;
  emailCount = 0;
  phoneCount = 0;
  for (let l = 0; l < lists; l++) {
    store<i32>(listCount + ((<usize>l) << 2), 0);
    store<i32>(validCounts + ((<usize>l) << 2), 0);
  }
  bitContact = contact;
  bitHealth = health;
  bitNationalId = nationalId;
  bitIdentification = identification;
  bitFinancial = financial;
  bitAddress = address;
  for (let c = 0; c < 256; c++) store<u8>(classes + c, BORING);
  for (let c = 48; c <= 57; c++) store<u8>(classes + c, DIGIT);
  for (let c = 65; c <= 90; c++) store<u8>(classes + c, LETTER);
  for (let c = 97; c <= 122; c++) store<u8>(classes + c, LETTER);
  for (let c = 128; c <= 255; c++) store<u8>(classes + c, LETTER);
  store<u8>(classes + 64, AT);
  store<u8>(classes + 10, NL);
  if (mode === MODE_CSV && delimiter >= 0) store<u8>(classes + delimiter, DELIM);
  spaceSeparates = cls(32) === DELIM ? 0 : -1;
  dashSeparates = cls(45) === DELIM ? 0 : -1;
  if (mode === MODE_CSV || mode === MODE_JSON) store<u8>(classes + 34, QUOTE);
  if (mode === MODE_JSON) {
    store<u8>(classes + 123, OPEN);
    store<u8>(classes + 91, OPEN);
    store<u8>(classes + 125, CLOSE);
    store<u8>(classes + 93, CLOSE);
    store<u8>(classes + 92, ESCAPE);
  }
  initMonthStarts();
  initNrbWeights();
  if (recordCapacity === 0) {
    recordCapacity = 1024;
    recordIdCards = grow(<usize>recordCapacity * 4);
    recordEmails = grow(<usize>recordCapacity * 8);
    recordPhones = grow(<usize>recordCapacity * 4);
  }
}

/**
 * A keyword stem's first four letters (packed as in byte-scanner.ts) and the category bits of its stems; added in
 * ascending order of `key`. firstTwo holds one more than the index of the first prefix with those two letters.
 */
export function addPrefix(key: u32, bits: i32): void {
  if (prefixCount >= maxPrefixes) return;
  store<u32>(prefixKeys + ((<usize>prefixCount) << 2), key);
  store<i32>(prefixBits + ((<usize>prefixCount) << 2), bits);
  prefixCount++;
  const two = firstTwo + ((key >> 16) & 0xffff);
  if (load<u8>(two) === 0) store<u8>(two, <u8>prefixCount);
}

export function setColumn(index: i32, kind: i32): void {
  if (index >= maxColumns) return;
  store<u8>(columns + index, <u8>kind);
  if (index + 1 > columnCount) columnCount = index + 1;
}

export function addPhonePrefix(prefix: i32): void {
  store<u8>(phonePrefixes + prefix, 1);
}

/** A payment card issuer range: prefixes from..to of `prefixDigits` digits, lengths as a bit mask. */
export function addCardIssuer(from: i32, to: i32, prefixDigits: i32, lengthMask: i32): void {
  const at = cardIssuers + ((<usize>cardIssuerCount) << 4);
  store<i32>(at, from);
  store<i32>(at + 4, to);
  store<i32>(at + 8, prefixDigits);
  store<i32>(at + 12, lengthMask);
  cardIssuerCount++;
}

/** Room for `bytes` of input, with zeroed guard bytes before it (reads of buf[floor - 1] see no data). */
export function inputPtr(bytes: i32): usize {
  if (bytes > inputCapacity) {
    inputCapacity = bytes + (bytes >> 2);
    if (input !== 0) heap.free(input - 16);
    input = grow(<usize>inputCapacity + 32) + 16;
    memory.fill(input - 16, 0, 16);
  }
  return input;
}

/** Where list `l`'s keys are: u32 for one-lane kinds, u64 (53 bits) for two-lane kinds (tests read them there). */
export function listAt(l: i32): usize {
  return load<usize>(listPtr + ((<usize>l) << 2));
}

/** Keys appended to list `l` since the host last took them. */
export function listLength(l: i32): i32 {
  return load<i32>(listCount + ((<usize>l) << 2));
}

/** Occurrences found of output code `l` (identifier kinds only; people lists count nothing). */
export function validCount(l: i32): i32 {
  return load<i32>(validCounts + ((<usize>l) << 2));
}

/** Appends a key to list `l` as the scan does (tests use it to sort keys of their own). */
export function appendKey(l: i32, lo: u32, hi: u32): void {
  emit(<u32>l, lo, hi);
}

/** Lowers the keys a list holds before the host takes them (tests use a small limit). */
export function setListLimit(keys: i32): void {
  maxListKeys = keys;
}

/** Empties list `l` once the host has copied its sorted keys. */
export function clearList(l: i32): void {
  store<i32>(listCount + ((<usize>l) << 2), 0);
}

export function setInQuotes(value: i32): void {
  inQuotes = value;
}

/** The counters the host reads when a scan ends: 0 inQuotes, 1 categories, 2 records, 3 invalid PESELs. */
export function counter(which: i32): i32 {
  if (which === 0) return inQuotes;
  if (which === 1) return categories;
  if (which === 2) return records;
  return peselInvalid;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

function at(i: i32): u32 {
  return <u32>load<u8>(input + <usize>i);
}
function cls(c: u32): u32 {
  return <u32>load<u8>(classes + <usize>c);
}
function isAsciiLetter(c: u32): bool {
  return (c | 0x20) - 97 < 26;
}
function isUpper(c: u32): bool {
  return c - 65 < 26;
}
function isDigit(c: u32): bool {
  return c - 48 < 10;
}
function isWordByte(c: u32): bool {
  return isAsciiLetter(c) || isDigit(c) || c >= 128;
}
function dg(k: i32): i32 {
  return <i32>load<u8>(digits + <usize>k);
}
/**
 * Writes the values of the digits input[s, s + len) to digits[n, …), sixteen at a time, up to digit 80: bytes past
 * the run are written too (the input has sixteen readable bytes past any end), and nothing reads them but the NRB
 * check, whose weights there are zero.
 */
function copyDigits(n: i32, s: i32, len: i32): void {
  const zero = i8x16.splat(48);
  for (let k = 0; k < len && n + k < 80; k += 16) {
    v128.store(digits + <usize>(n + k), i8x16.sub(v128.load(input + <usize>(s + k)), zero));
  }
}
function setDg(k: i32, v: i32): void {
  store<u8>(digits + <usize>k, <u8>v);
}
function rs(r: i32): i32 {
  return load<i32>(runStart + ((<usize>r) << 2));
}
function re(r: i32): i32 {
  return load<i32>(runEnd + ((<usize>r) << 2));
}

function twoLanes(l: i32): bool {
  return (
    l === <i32>K_REGON || l === <i32>K_IBAN || l === <i32>K_CARD || l === <i32>K_EMAIL || l === <i32>S_EMAIL
  );
}

// @inline
function emit(code: u32, lo: u32, hi: u32): void {
  const l = (<usize>code) << 2;
  let count = load<i32>(listCount + l);
  const capacity = load<i32>(listCapacity + l);
  const wide = twoLanes(<i32>code);
  if (count >= maxListKeys) {
    drain(<i32>code);
    count = 0;
  } else if (count === capacity) {
    // A list that outgrows its first 1024 keys goes straight to its full size: grown by doubling, it left every
    // smaller size freed behind it, which the memory kept (a 1 GB scan's peak: 188–194 MB, this way 169–171 MB).
    const bigger = capacity === 0 ? 1024 : max(maxListKeys, capacity * 2);
    const old = load<usize>(listPtr + l);
    const fresh = grow((<usize>bigger) << (wide ? 3 : 2));
    if (old !== 0) {
      memory.copy(fresh, old, (<usize>count) << (wide ? 3 : 2));
      heap.free(old);
    }
    store<usize>(listPtr + l, fresh);
    store<i32>(listCapacity + l, bigger);
  }
  const base = load<usize>(listPtr + l);
  // Two-lane keys keep 53 bits, as KeySet does: (hi & 0x1fffff) · 2^32 + lo orders as the double it becomes.
  if (wide) store<u64>(base + ((<usize>count) << 3), ((<u64>(hi & 0x1fffff)) << 32) | <u64>lo);
  else store<u32>(base + ((<usize>count) << 2), lo);
  store<i32>(listCount + l, count + 1);
}

function countValid(code: u32): void {
  const l = (<usize>code) << 2;
  store<i32>(validCounts + l, load<i32>(validCounts + l) + 1);
}

/**
 * Sorts keys[0, n) at `a` by LSD radix passes over their 11-bit digits from bit `from` below bit `to`, with `b` as
 * scratch (a digit equal in every key is passed over); the result is at `a`.
 */
function radixPasses(a: usize, b: usize, n: i32, wide: bool, from: i32, to: i32): void {
  let src = a;
  let dst = b;
  for (let bit = from; bit < to; bit += 11) {
    const shift = <u64>bit;
    memory.fill(radixCounts, 0, 2048 * 4);
    for (let k: usize = 0; k < <usize>n; k++) {
      const v = wide ? load<u64>(src + k * 8) : <u64>load<u32>(src + k * 4);
      const d = (<usize>((v >> shift) & 0x7ff)) << 2;
      store<i32>(radixCounts + d, load<i32>(radixCounts + d) + 1);
    }
    const first = wide ? load<u64>(src) : <u64>load<u32>(src);
    if (load<i32>(radixCounts + ((<usize>((first >> shift) & 0x7ff)) << 2)) === n) continue;
    let sum = 0;
    for (let d: usize = 0; d < 2048; d++) {
      const c = load<i32>(radixCounts + (d << 2));
      store<i32>(radixCounts + (d << 2), sum);
      sum += c;
    }
    if (wide) {
      for (let k: usize = 0; k < <usize>n; k++) {
        const v = load<u64>(src + k * 8);
        const d = (<usize>((v >> shift) & 0x7ff)) << 2;
        const to = load<i32>(radixCounts + d);
        store<i32>(radixCounts + d, to + 1);
        store<u64>(dst + ((<usize>to) << 3), v);
      }
    } else {
      for (let k: usize = 0; k < <usize>n; k++) {
        const v = load<u32>(src + k * 4);
        const d = (<usize>((v >> <u32>shift) & 0x7ff)) << 2;
        const to = load<i32>(radixCounts + d);
        store<i32>(radixCounts + d, to + 1);
        store<u32>(dst + ((<usize>to) << 2), v);
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) memory.copy(a, src, (<usize>n) << (wide ? 3 : 2));
}

/**
 * Sorts two-lane keys[0, n) by insertion, for keys already in order but for a few: false, leaving them unsorted,
 * once it has moved keys 4n places in all.
 */
function insertionFix(a: usize, n: i32): bool {
  let budget = <i64>n * 4;
  for (let k = 1; k < n; k++) {
    const v = load<u64>(a + ((<usize>k) << 3));
    let j = k - 1;
    if (load<u64>(a + ((<usize>j) << 3)) <= v) continue;
    while (j >= 0 && load<u64>(a + ((<usize>j) << 3)) > v) {
      store<u64>(a + ((<usize>(j + 1)) << 3), load<u64>(a + ((<usize>j) << 3)));
      j--;
    }
    store<u64>(a + ((<usize>(j + 1)) << 3), v);
    budget -= k - 1 - j;
    if (budget < 0) return false;
  }
  return true;
}

/**
 * Sorts list `l` (LSD radix on 11-bit digits, skipping digits equal in every key; for two-lane keys an insertion
 * pass instead of the lowest two) and keeps one of each key; returns how many remain, for codeList.
 */
export function sortList(l: i32): i32 {
  const n = load<i32>(listCount + ((<usize>l) << 2));
  const base = load<usize>(listPtr + ((<usize>l) << 2));
  if (n === 0) return 0;
  const wide = twoLanes(l);
  const size: usize = wide ? 8 : 4;
  const bytes = <usize>n * size;
  if (scratchBytes < bytes) {
    if (scratch !== 0) heap.free(scratch);
    scratch = grow(bytes);
    scratchBytes = bytes;
  }
  // Two-lane keys (53-bit hashes) get radix passes on their high digits only (from bit 22), then one insertion
  // pass puts right the few keys that share those digits (a 300 MB scan's IBAN list: 15 → 11 ns a key). Should
  // keys share them often (values close together), the insertion pass gives up and the low digits get their passes
  // too. One-lane keys (numbers, often close together: PESEL) get all three passes (this way, 8 → 12 ns a key).
  const top = wide ? 55 : 33;
  radixPasses(base, scratch, n, wide, wide ? 22 : 0, top);
  if (wide && !insertionFix(base, n)) radixPasses(base, scratch, n, wide, 0, top);
  let m = 0;
  if (wide) {
    for (let k = 0; k < n; k++) {
      const v = load<u64>(base + ((<usize>k) << 3));
      if (m === 0 || v !== load<u64>(base + ((<usize>(m - 1)) << 3))) {
        store<u64>(base + ((<usize>m) << 3), v);
        m++;
      }
    }
  } else {
    for (let k = 0; k < n; k++) {
      const v = load<u32>(base + ((<usize>k) << 2));
      if (m === 0 || v !== load<u32>(base + ((<usize>(m - 1)) << 2))) {
        store<u32>(base + ((<usize>m) << 2), v);
        m++;
      }
    }
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Coding sorted keys into the blocks of src/scan/key-set.ts (KeyBlock), as its BlockWriter writes an array of keys
// in one piece: the same bytes, written here rather than by JavaScript in each worker (which ran its first part's
// coding unoptimized, twice as slow).

/** Bytes of a full block (key-set.ts pageBytes). */
const pageBytes = 1 << 16;
const blockControl = memory.data(pageBytes / 4 + 16);
const blockGaps = memory.data(pageBytes + 16);
let coded: usize = 0;
let codedBytes: usize = 0;

/** Where codeList wrote its blocks. */
export function codedAt(): usize {
  return coded;
}

/**
 * Codes list `l`'s first m keys (sorted and distinct, as sortList leaves them) into blocks, one after another at
 * codedAt(): each a header (u32 keys, u32 shift, f64 first, f64 last, u32 bytes, u32 0) and its bytes (control
 * bytes, gaps, 3 bytes of padding), padded to 8 bytes. Returns the bytes written.
 */
export function codeList(l: i32, m: i32): i32 {
  const base = load<usize>(listPtr + ((<usize>l) << 2));
  const wide = twoLanes(l);
  const room = <usize>m * 9 + 64 * ((<usize>m >> 12) + 2);
  if (codedBytes < room) {
    if (coded !== 0) heap.free(coded);
    coded = grow(room);
    codedBytes = room;
  }
  // Two-lane gaps keep `shift` raw low bytes when the largest gap does not fit in 4 (key-set.ts shiftFor64).
  let shift = 0;
  if (wide && m > 1) {
    let largest: u64 = 0;
    for (let k = 1; k < m; k++) {
      const gap = keyAt(base, k) - keyAt(base, k - 1);
      if (gap > largest) largest = gap;
    }
    while (largest - 1 >= (<u64>1) << (<u64>(32 + 8 * shift))) shift++;
  }
  const lowMask: u64 = ((<u64>1) << (<u64>(8 * shift))) - 1;
  let out: usize = coded;
  let i = 0;
  while (i < m) {
    const first = wide ? keyAt(base, i) : <u64>load<u32>(base + ((<usize>i) << 2));
    let prev = first;
    let count = 1;
    let p = 0;
    let g = 0;
    i++;
    memory.fill(blockControl, 0, pageBytes / 4);
    while (i < m) {
      if (p + ((g + 4) >> 2) + shift + 7 > pageBytes) break;
      const key = wide ? keyAt(base, i) : <u64>load<u32>(base + ((<usize>i) << 2));
      const gap = key - prev - 1;
      let rest = <u32>gap;
      if (wide) {
        store<u32>(blockGaps + <usize>p, <u32>(gap & lowMask));
        p += shift;
        rest = <u32>(gap >> <u64>(8 * shift));
      }
      store<u32>(blockGaps + <usize>p, rest);
      const size = (31 - <i32>clz(rest | 1)) >> 3;
      p += size + 1;
      const c = blockControl + (<usize>g >> 2);
      store<u8>(c, load<u8>(c) | <u8>(size << ((g & 3) << 1)));
      prev = key;
      count++;
      i++;
      g++;
    }
    const controlBytes = (count + 2) >> 2;
    const bytes = controlBytes + p + 3;
    store<u32>(out, <u32>count);
    store<u32>(out + 4, <u32>shift);
    store<f64>(out + 8, <f64>first);
    store<f64>(out + 16, <f64>prev);
    store<u32>(out + 24, <u32>bytes);
    store<u32>(out + 28, 0);
    memory.copy(out + 32, blockControl, <usize>controlBytes);
    memory.copy(out + 32 + <usize>controlBytes, blockGaps, <usize>p);
    memory.fill(out + 32 + <usize>(controlBytes + p), 0, 3);
    out += 32 + ((<usize>bytes + 7) & ~(<usize>7));
  }
  return <i32>(out - coded);
}

// ---------------------------------------------------------------------------------------------------------------
// Counting the distinct keys of several runs of KeySet blocks side by side (key-set.ts unionBetween, which decides
// the pieces of the key range): each run's current block is copied here (countSlot, countStart), its keys below a
// piece's end are decoded into the piece's keys (countTake), and the piece's distinct keys are counted in a hash
// table (countPiece). The same steps as the JavaScript count, without its cold start: the count runs once a scan.

const maxCountRuns = 64;
/** Per run: block bytes (pointer, room), keys, keys taken, next gap, byte position, shift, current key. */
const countRuns = memory.data(maxCountRuns * 48);
let pieceKeys: usize = 0;
let pieceRoom: i32 = 0;
let pieceCount: i32 = 0;
let countTable: usize = 0;
let countTableSlots: i32 = 0;

/** Room for a block of `bytes` for run `r`, with readable bytes past it (gaps are read 4 bytes at a time). */
export function countSlot(r: i32, bytes: i32): usize {
  const at = countRuns + <usize>r * 48;
  if (load<i32>(at + 4) < bytes + 8) {
    if (load<usize>(at) !== 0) heap.free(load<usize>(at));
    store<usize>(at, grow(<usize>bytes + 8));
    store<i32>(at + 4, bytes + 8);
  }
  return load<usize>(at);
}

/** Run `r` goes on with the block just copied to its slot. */
export function countStart(r: i32, count: i32, first: f64, shift: i32): void {
  const at = countRuns + <usize>r * 48;
  store<i32>(at + 8, count);
  store<i32>(at + 12, 0);
  store<i32>(at + 16, 0);
  store<i32>(at + 20, (count + 2) >> 2);
  store<i32>(at + 24, shift);
  store<u64>(at + 32, <u64>first);
}

/** Keys of run `r`'s block not yet taken. */
export function countLeft(r: i32): i32 {
  const at = countRuns + <usize>r * 48;
  return load<i32>(at + 8) - load<i32>(at + 12);
}

/** Takes run `r`'s keys below `end` into the piece; returns 1 when its block is used up. */
export function countTake(r: i32, end: f64, wide: bool): i32 {
  const at = countRuns + <usize>r * 48;
  const bytes = load<usize>(at);
  const count = load<i32>(at + 8);
  let taken = load<i32>(at + 12);
  let g = load<i32>(at + 16);
  let p = load<i32>(at + 20);
  const shift = load<i32>(at + 24);
  let key = load<u64>(at + 32);
  const stop = <u64>end;
  if (pieceCount + count - taken > pieceRoom) {
    const bigger = max(pieceRoom * 2, pieceCount + count - taken + 1024);
    const fresh = grow((<usize>bigger) << 3);
    if (pieceKeys !== 0) {
      memory.copy(fresh, pieceKeys, (<usize>pieceCount) << 3);
      heap.free(pieceKeys);
    }
    pieceKeys = fresh;
    pieceRoom = bigger;
  }
  let n = pieceCount;
  const out = pieceKeys;
  const lowMask: u32 = <u32>(((<u64>1) << (<u64>(8 * shift))) - 1);
  while (taken < count && key < stop) {
    store<u64>(out + ((<usize>n) << 3), key);
    n++;
    taken++;
    if (taken < count) {
      let gap: u64 = 0;
      if (wide) {
        gap = <u64>(load<u32>(bytes + <usize>p) & lowMask);
        p += shift;
      }
      const size = (<i32>load<u8>(bytes + (<usize>g >> 2)) >> ((g & 3) << 1)) & 3;
      const rest = load<u32>(bytes + <usize>p) & (0xffffffff >> <u32>((3 - size) << 3));
      p += size + 1;
      g++;
      key += gap + ((<u64>rest) << (<u64>(8 * shift))) + 1;
    }
  }
  pieceCount = n;
  store<i32>(at + 12, taken);
  store<i32>(at + 16, g);
  store<i32>(at + 20, p);
  store<u64>(at + 32, key);
  return taken === count ? 1 : 0;
}

/** Drops the keys taken so far (those below the range counted). */
export function countDrop(): void {
  pieceCount = 0;
}

/** How many distinct keys the piece holds; the piece starts empty again. */
export function countPiece(): i32 {
  const n = pieceCount;
  pieceCount = 0;
  if (n === 0) return 0;
  // Four slots a key (as in key-set.ts): a key mostly finds its slot at once.
  let bits = 4;
  while (1 << bits < n * 4) bits++;
  const slots = 1 << bits;
  if (countTableSlots < slots) {
    if (countTable !== 0) heap.free(countTable);
    countTable = grow((<usize>slots) << 3);
    countTableSlots = slots;
  }
  memory.fill(countTable, 0, (<usize>slots) << 3);
  const mask = slots - 1;
  const shiftBits = <u64>(64 - bits);
  let distinct = 0;
  let zero = 0;
  for (let i = 0; i < n; i++) {
    const key = load<u64>(pieceKeys + ((<usize>i) << 3));
    if (key === 0) {
      zero = 1;
      continue;
    }
    let slot = <i32>((key * prime1) >> shiftBits);
    for (;;) {
      const at = countTable + ((<usize>slot) << 3);
      const held = load<u64>(at);
      if (held === key) break;
      if (held === 0) {
        store<u64>(at, key);
        distinct++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return distinct + zero;
}

/** Key k of a two-lane list. */
function keyAt(base: usize, k: i32): u64 {
  return load<u64>(base + ((<usize>k) << 3));
}

// 64-bit hash, eight bytes a step (as hashBytes in byte-scanner.ts computes it): xxHash64's round on each
// little-endian word, the length, then murmur3's fmix64. Of input bytes lower-cased, or of digit values.
// The constants as high and low halves (as the JavaScript scanner holds them).
const prime1: u64 = ((<u64>0x9e3779b1) << 32) | 0x85ebca87;
const prime2: u64 = ((<u64>0xc2b2ae3d) << 32) | 0x27d4eb4f;
const prime4: u64 = ((<u64>0x85ebca77) << 32) | 0xc2b2ae63;
const mix1: u64 = ((<u64>0xff51afd7) << 32) | 0xed558ccd;
const mix2: u64 = ((<u64>0xc4ceb9fe) << 32) | 0x1a85ec53;
function hashStep(h: u64, w: u64): u64 {
  h ^= rotl<u64>(w * prime2, 31) * prime1;
  return rotl<u64>(h, 27) * prime1 + prime4;
}
function hashFinish(h: u64, length: i32): void {
  h ^= <u64>length;
  h = (h ^ (h >> 33)) * mix1;
  h = (h ^ (h >> 33)) * mix2;
  h ^= h >> 33;
  const lo = <u32>h;
  hashLo = lo === 0 ? 1 : lo;
  hashHi = <u32>(h >> 32);
}
const bytes3f: u64 = 0x3f3f3f3f * 0x100000001;
const bytes25: u64 = 0x25252525 * 0x100000001;
const bytes80: u64 = 0x80808080 * 0x100000001;
/** Upper-case ASCII letters of a word of ASCII bytes in lower case (each byte + 0x3f reaches bit 7 from 'A' on). */
function lowerWord(w: u64): u64 {
  return w | (((w + bytes3f) & ~(w + bytes25) & bytes80) >> 2);
}
/** The bytes [k, to) of the word at p, the rest zero (1 to 8 bytes; readable bytes follow). */
function tailWord(p: usize, bytes: i32): u64 {
  return load<u64>(p) & (<u64>-1 >> <u64>(64 - (bytes << 3)));
}
/** Hashes input[from, to): bytes of an address (ASCII), lower-cased; the input has readable bytes past `to`. */
function hashInput(from: i32, to: i32): void {
  let h: u64 = 0;
  let k = from;
  for (; k + 8 <= to; k += 8) h = hashStep(h, lowerWord(load<u64>(input + <usize>k)));
  if (k < to) h = hashStep(h, lowerWord(tailWord(input + <usize>k, to - k)));
  hashFinish(h, to - from);
}
function hashDigits(from: i32, to: i32): void {
  let h: u64 = 0;
  let k = from;
  for (; k + 8 <= to; k += 8) h = hashStep(h, load<u64>(digits + <usize>k));
  if (k < to) h = hashStep(h, tailWord(digits + <usize>k, to - k));
  hashFinish(h, to - from);
}

// ---------------------------------------------------------------------------------------------------------------
// Identifier checks (as in src/scan/identifier-checks.ts, which cites their sources).

function daysInMonthOf(year: i32, month: i32): i32 {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
let monthStartsReady = false;
function initMonthStarts(): void {
  if (monthStartsReady) return;
  monthStartsReady = true;
  let days = 0;
  for (let y = 1800; y < 2300; y++) {
    for (let m = 1; m <= 12; m++) {
      store<i32>(monthStarts + ((<usize>((y - 1800) * 12 + m - 1)) << 2), days);
      days += daysInMonthOf(y, m);
    }
  }
}

function checkPesel(a: i32): u32 {
  const sum =
    dg(a) +
    dg(a + 1) * 3 +
    dg(a + 2) * 7 +
    dg(a + 3) * 9 +
    dg(a + 4) +
    dg(a + 5) * 3 +
    dg(a + 6) * 7 +
    dg(a + 7) * 9 +
    dg(a + 8) +
    dg(a + 9) * 3;
  if ((10 - (sum % 10)) % 10 !== dg(a + 10)) return 0;
  const encodedMonth = dg(a + 2) * 10 + dg(a + 3);
  const offset = encodedMonth / 20;
  // centuryByMonthOffset: 1900, 2000, 2100, 2200, 1800
  const century = offset === 4 ? 1800 : 1900 + offset * 100;
  const month = encodedMonth % 20;
  if (month < 1 || month > 12) return 0;
  const year = century + dg(a) * 10 + dg(a + 1);
  const day = dg(a + 4) * 10 + dg(a + 5);
  if (day < 1 || day > daysInMonthOf(year, month)) return 0;
  const dayIndex = load<i32>(monthStarts + ((<usize>((year - 1800) * 12 + month - 1)) << 2)) + day - 1;
  const serial = dg(a + 6) * 1000 + dg(a + 7) * 100 + dg(a + 8) * 10 + dg(a + 9);
  return <u32>(dayIndex * 10000 + serial + 1);
}

function letterValue(code: u32): i32 {
  return code >= 65 && code <= 90 ? <i32>code - 55 : 0;
}

function checkIdCard(la: i32): u32 {
  const l0 = letterValue(at(la));
  const l1 = letterValue(at(la + 1));
  const l2 = letterValue(at(la + 2));
  if (!l0 || !l1 || !l2) return 0;
  const sum = l0 * 7 + l1 * 3 + l2 + dg(0) * 9 + dg(1) * 7 + dg(2) * 3 + dg(3) + dg(4) * 7 + dg(5) * 3;
  if (sum % 10 !== 0) return 0;
  const series = (l0 - 10) * 676 + (l1 - 10) * 26 + (l2 - 10);
  return <u32>(series * 100000 + dg(1) * 10000 + dg(2) * 1000 + dg(3) * 100 + dg(4) * 10 + dg(5) + 1);
}

function checkPassport(la: i32): u32 {
  const l0 = letterValue(at(la));
  const l1 = letterValue(at(la + 1));
  if (!l0 || !l1) return 0;
  const sum = l0 * 7 + l1 * 3 + dg(0) * 9 + dg(1) + dg(2) * 7 + dg(3) * 3 + dg(4) + dg(5) * 7 + dg(6) * 3;
  if (sum % 10 !== 0) return 0;
  let tail = 0;
  for (let k = 1; k < 7; k++) tail = tail * 10 + dg(k);
  return <u32>(((l0 - 10) * 26 + (l1 - 10)) * 1000000 + tail + 1);
}

function checkNip(a: i32): u32 {
  const sum =
    dg(a) * 6 +
    dg(a + 1) * 5 +
    dg(a + 2) * 7 +
    dg(a + 3) * 2 +
    dg(a + 4) * 3 +
    dg(a + 5) * 4 +
    dg(a + 6) * 5 +
    dg(a + 7) * 6 +
    dg(a + 8) * 7;
  let body = 0;
  for (let k = 0; k < 9; k++) body = body * 10 + dg(a + k);
  const check = sum % 11;
  return check !== 10 && check === dg(a + 9) ? <u32>(body + 1) : 0;
}

function checkRegon(length: i32): bool {
  let sum = 0;
  let check = 0;
  if (length === 9) {
    sum = dg(0) * 8 + dg(1) * 9 + dg(2) * 2 + dg(3) * 3 + dg(4) * 4 + dg(5) * 5 + dg(6) * 6 + dg(7) * 7;
    check = dg(8);
  } else {
    sum =
      dg(0) * 2 +
      dg(1) * 4 +
      dg(2) * 8 +
      dg(3) * 5 +
      dg(5) * 9 +
      dg(6) * 7 +
      dg(7) * 3 +
      dg(8) * 6 +
      dg(9) +
      dg(10) * 2 +
      dg(11) * 4 +
      dg(12) * 8;
    check = dg(13);
  }
  if ((sum % 11) % 10 !== check) return false;
  return length === 9 || checkRegon(9);
}

// The weight of each of the 26 digits of an NRB (and of 6 past them: 0) in the number the check reads, modulo 97:
// the 24 digits after the check digits, then 2521 (PL), then the two check digits (see identifier-checks.ts).
const nrbWeights = memory.data(32 * 2);
let nrbWeightsReady = false;
function initNrbWeights(): void {
  if (nrbWeightsReady) return;
  nrbWeightsReady = true;
  let power = 1; // 10^k mod 97, for the digit k places from the end
  for (let k = 0; k < 30; k++) {
    // Places from the end: d1 0, d0 1, PL 2..5, d25 6, …, d2 29.
    const digit = k === 0 ? 1 : k === 1 ? 0 : k >= 6 ? 31 - k : -1;
    if (digit >= 0) store<u16>(nrbWeights + ((<usize>digit) << 1), <u16>power);
    power = (power * 10) % 97;
  }
}

/** The NRB check (mod 97) of the 26 digit values from `a`: a weighted sum by SIMD dot products, then one modulo. */
function checkNrb(a: i32): bool {
  const v0 = v128.load(digits + <usize>a);
  const v1 = v128.load(digits + <usize>a, 16);
  let sum = i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v0), v128.load(nrbWeights));
  sum = i32x4.add(sum, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(v0), v128.load(nrbWeights, 16)));
  sum = i32x4.add(sum, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v1), v128.load(nrbWeights, 32)));
  sum = i32x4.add(sum, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(v1), v128.load(nrbWeights, 48)));
  const total =
    i32x4.extract_lane(sum, 0) +
    i32x4.extract_lane(sum, 1) +
    i32x4.extract_lane(sum, 2) +
    i32x4.extract_lane(sum, 3);
  return (total + 252100) % 97 === 1;
}

function checkCard(length: i32): bool {
  if (length < 12 || length > 19) return false;
  let known = false;
  for (let i = 0; i < cardIssuerCount; i++) {
    const p = cardIssuers + ((<usize>i) << 4);
    const n = load<i32>(p + 8);
    let prefix = 0;
    for (let k = 0; k < n; k++) prefix = prefix * 10 + dg(k);
    if (prefix >= load<i32>(p) && prefix <= load<i32>(p + 4) && (load<i32>(p + 12) & (1 << length)) !== 0) {
      known = true;
      break;
    }
  }
  if (!known) return false;
  let sum = 0;
  for (let k = 0; k < length; k++) {
    let v = dg(length - 1 - k);
    if (k & 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

function checkPhone(a: i32): u32 {
  if (load<u8>(phonePrefixes + <usize>(dg(a) * 10 + dg(a + 1))) !== 1) return 0;
  let n = 0;
  for (let k = 0; k < 9; k++) n = n * 10 + dg(a + k);
  return <u32>(n + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// The scanner (as in byte-scanner.ts).
// Its handlers, from digitGroup to found and emit, are marked `// @inline` (AssemblyScript's decorator, as
// bin/build-kernel.js reads it): compiled into the loop rather than called. A call costs V8's code a frame and the
// spilling of every live value, and a row makes about thirty (rows 517 → 465 ns). The checks stay functions:
// inlined too, they made the loop 15 % slower.

let floor: i32 = 0;
/** The byte before the piece being scanned (a line end at the start): whether a `"` there begins a field. */
let lastByte: u32 = 10;
/** All ones when a space (a dash) may separate the runs of a digit group: it is not the delimiter. */
let spaceSeparates: i32 = -1;
let dashSeparates: i32 = -1;

/** Scans input[0, end): a piece that ends at a line end. Output waits at outputPtr() (see pending()). */
export function scan(end: i32): void {
  floor = 0;
  let i = 0;
  // The input's address in a local: the loop reads a byte and its class without reloading the global.
  const base = input;
  while (i < end) {
    const c = <u32>load<u8>(base + <usize>i);
    const k = cls(c);
    if (k === BORING) {
      i++;
      continue;
    }
    if (k === DIGIT) {
      i = digitGroup(i, end);
      continue;
    }
    if (k === LETTER) {
      i = word(i, end);
      continue;
    }
    if (k === AT) {
      i = email(i, end);
      continue;
    }
    if (k === NL) newline();
    else if (k === DELIM) {
      if (!inQuotes) column++;
    } else if (k === QUOTE) {
      if (mode !== MODE_CSV) inQuotes = inQuotes ? 0 : 1;
      else if (inQuotes) {
        // In CSV (RFC 4180, leniently): inside quotes "" is a quote, another " ends them.
        if (i + 1 < end && at(i + 1) === 34) i++;
        else inQuotes = 0;
      } else {
        // A " opens quotes only where a field begins; elsewhere (27" in a cell) it is text.
        const before = i > 0 ? at(i - 1) : lastByte;
        if (before === 10 || cls(before) === DELIM) inQuotes = 1;
      }
    } else if (k === ESCAPE) {
      if (inQuotes) i++;
    } else if (k === OPEN) {
      if (!inQuotes) {
        if (depth === 0 && c === 91) topIsArray = true;
        depth++;
      }
    } else if (k === CLOSE && !inQuotes) {
      depth--;
      if (depth === 1 && topIsArray) {
        if (countRecords) records++;
        endRecord();
      }
    }
    i++;
  }
  if (end > 0) lastByte = at(end - 1);
}

export function finish(): void {
  if (mode === MODE_CSV || mode === MODE_LINES) {
    if (lineHasContent || recordHasContent) newline();
    inQuotes = 0;
  }
  endRecord();
}

// @inline
function newline(): void {
  if (mode === MODE_CSV) {
    if (inQuotes) return;
    if (lineHasContent || recordHasContent) {
      if (countRecords) records++;
      endRecord();
    }
    column = 0;
    lineHasContent = false;
    recordHasContent = false;
    return;
  }
  if (mode === MODE_LINES) {
    if (lineHasContent) {
      if (countRecords) records++;
      endRecord();
    }
    lineHasContent = false;
    return;
  }
  if (mode === MODE_TEXT) {
    if (!lineHasContent || ++linesInRecord >= 50) {
      endRecord();
      linesInRecord = 0;
    }
    lineHasContent = false;
  }
}

function columnKind(): i32 {
  if (mode === MODE_CSV && column < columnCount) return <i32>load<u8>(columns + <usize>column);
  return COL_NONE;
}

// @inline
function word(i: i32, end: i32): i32 {
  const j = tokenEnd(i + 1, end, true);
  lineHasContent = true;
  if (j - i < 5) return j;
  const first = <i32>load<u8>(firstTwo + (((at(i) | 0x20) << 8) | (at(i + 1) | 0x20)));
  if (first !== 0) {
    const key =
      ((at(i) | 0x20) << 24) | ((at(i + 1) | 0x20) << 16) | ((at(i + 2) | 0x20) << 8) | (at(i + 3) | 0x20);
    // Prefixes come sorted, so those sharing the first two letters follow the one firstTwo points at.
    for (let p = first - 1; p < prefixCount; p++) {
      const candidate = load<u32>(prefixKeys + ((<usize>p) << 2));
      if (candidate >> 16 !== key >> 16) break;
      if (candidate !== key) continue;
      const bits = load<i32>(prefixBits + ((<usize>p) << 2));
      if ((categories & bits) !== bits && isAsciiLetter(at(i))) categories |= keyword(i, j);
      break;
    }
  }
  return j;
}

// Runs found sixteen bytes at a time: the input has at least sixteen readable bytes past any `end` (inputPtr), and
// a run stops at `end` whatever lies beyond it.
function letterBits(j: i32): i32 {
  const v = v128.load(input + <usize>j);
  const lower = v128.or(v, i8x16.splat(0x20));
  const ascii = i8x16.lt_u(i8x16.sub(lower, i8x16.splat(97)), i8x16.splat(26));
  return i8x16.bitmask(v128.or(ascii, i8x16.lt_s(v, i8x16.splat(0))));
}
/** Which of the 16 bytes from j are spaces or dashes a digit group continues after (not the delimiter), as bits. */
function separatorBits(j: i32): i32 {
  const v = v128.load(input + <usize>j);
  const space = v128.and(i8x16.eq(v, i8x16.splat(32)), i8x16.splat(<i8>spaceSeparates));
  const dash = v128.and(i8x16.eq(v, i8x16.splat(45)), i8x16.splat(<i8>dashSeparates));
  return i8x16.bitmask(v128.or(space, dash));
}
function digitBits(j: i32): i32 {
  const v = v128.load(input + <usize>j);
  return i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, i8x16.splat(48)), i8x16.splat(10)));
}
/** The end of the run from j of LETTER bytes (letters of both cases, bytes from 128: the class table's LETTER) or digits. */
function tokenEnd(j: i32, end: i32, letters: bool): i32 {
  while (j < end) {
    const stop = ~(letters ? letterBits(j) : digitBits(j)) & 0xffff;
    if (stop !== 0) return min(j + ctz(stop), end);
    j += 16;
  }
  return end;
}

function saysBefore(a: i32, w0: u32, w1: u32, w2: u32, w3: u32, w4: u32, n: i32): bool {
  const from = max(floor, a - 24);
  for (let s = a - n; s >= from; s--) {
    if ((at(s) | 0x20) !== w0) continue;
    if ((at(s + 1) | 0x20) !== w1) continue;
    if ((at(s + 2) | 0x20) !== w2) continue;
    if (n > 3 && (at(s + 3) | 0x20) !== w3) continue;
    if (n > 4 && (at(s + 4) | 0x20) !== w4) continue;
    return true;
  }
  return false;
}
function saysPesel(a: i32): bool {
  return saysBefore(a, 112, 101, 115, 101, 108, 5);
}
function saysRegon(a: i32): bool {
  return saysBefore(a, 114, 101, 103, 111, 110, 5);
}
function saysIcd(a: i32): bool {
  return saysBefore(a, 105, 99, 100, 0, 0, 3);
}

// @inline
function digitGroup(i: i32, end: i32): i32 {
  lineHasContent = true;
  let j = tokenEnd(i + 1, end, false);
  const len = j - i;
  const next = j < end ? at(j) : 10;
  if (next !== 32 && next !== 45 && next !== 41) {
    // No separator a group continues with: one run, which only run() may count.
    if (len >= 9 || len === 2 || len === 6 || len === 7) run(i, j, end);
    return j;
  }
  store<i32>(runStart, i);
  store<i32>(runEnd, j);
  let runs = 1;
  let total = len;
  // The runs that follow, read off bit masks of the next 32 bytes (digits; spaces and dashes that are not the
  // delimiter) as the loop below reads them byte by byte; it takes over past the masks, and from the start after
  // a ')' (as in "(22) 123 45 67").
  let bytewise = next === 41;
  if (!bytewise) {
    const j0 = j;
    const avail = end - j0;
    let d = <u32>digitBits(j0);
    let sp = <u32>separatorBits(j0);
    if (avail > 16) {
      d |= (<u32>digitBits(j0 + 16)) << 16;
      sp |= (<u32>separatorBits(j0 + 16)) << 16;
    }
    if (avail < 32) {
      const m = ((<u32>1) << (<u32>avail)) - 1;
      d &= m;
      sp &= m;
    }
    let o = 0;
    while (runs < 10 && total <= 34 && j + 1 < end) {
      if (o >= 31) {
        bytewise = true;
        break;
      }
      if (((sp >> <u32>o) & 1) === 0) break;
      const following = d >> <u32>(o + 1);
      if ((following & 1) === 0) break;
      const length = <i32>ctz(~following);
      if (o + 1 + length >= 32) {
        bytewise = true;
        break;
      }
      store<i32>(runStart + ((<usize>runs) << 2), j + 1);
      store<i32>(runEnd + ((<usize>runs) << 2), j + 1 + length);
      runs++;
      total += length;
      j += 1 + length;
      o = j - j0;
    }
  }
  while (bytewise && runs < 10 && total <= 34 && j + 1 < end) {
    const sep = at(j);
    let k = j + 1;
    if (sep === 41 && (i > 0 ? at(i - 1) : 0) === 40 && runs === 1 && at(k) === 32) k++;
    else if (sep !== 32 && sep !== 45) break;
    if (cls(sep) === DELIM || k >= end || !isDigit(at(k))) break;
    const e = tokenEnd(k + 1, end, false);
    store<i32>(runStart + ((<usize>runs) << 2), k);
    store<i32>(runEnd + ((<usize>runs) << 2), e);
    runs++;
    total += e - k;
    j = e;
  }
  const after = j < end ? at(j) : 10;
  if (runs > 1 && !isWordByte(after) && group(runs, total)) return j;
  for (let r = 0; r < runs; r++) {
    run(rs(r), re(r), end);
    if (r + 1 < runs && at(re(r)) === 45 && re(r) - rs(r) === 2 && re(r + 1) - rs(r + 1) === 3) {
      categories |= bitContact | bitAddress;
    }
  }
  return j;
}

// @inline
function group(runs: i32, total: i32): bool {
  if (total < 9) {
    if (runs === 2 && total === 5 && re(0) - rs(0) === 2 && at(re(0)) === 45) {
      categories |= bitContact | bitAddress;
      return true;
    }
    return false;
  }
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const len = re(r) - rs(r);
    copyDigits(n, rs(r), len);
    n += len;
  }
  const first = rs(0);
  const before = first > floor ? at(first - 1) : 32;
  const pl =
    (before | 0x20) === 108 &&
    first - 2 >= floor &&
    (at(first - 2) | 0x20) === 112 &&
    !(first - 3 >= floor && isWordByte(at(first - 3)));
  if (isWordByte(before) && !pl) return false;
  const len0 = re(0) - rs(0);
  if (total === 26 && checkNrb(0)) {
    found(K_IBAN, 0, 0, 26);
    return true;
  }
  if (pl) return false;
  let allFours = true;
  for (let r = 0; r + 1 < runs; r++) if (re(r) - rs(r) !== 4) allFours = false;
  if (total >= 12 && total <= 19 && (allFours || (runs === 3 && len0 === 4)) && checkCard(total)) {
    found(K_CARD, 0, 0, total);
    return true;
  }
  const dashed = at(re(0)) === 45;
  if (total === 10 && dashed && runs === 4) {
    const key = checkNip(0);
    if (key) {
      found(K_NIP, key, 0, 10);
      return true;
    }
  }
  let a = 0;
  if (total === 11 && dg(0) === 4 && dg(1) === 8 && len0 === 2) a = 2;
  else if (total === 13 && len0 === 4 && dg(0) === 0 && dg(1) === 0 && dg(2) === 4 && dg(3) === 8) a = 4;
  if (total - a === 9 && (a > 0 || len0 <= 3)) {
    const key = checkPhone(a);
    if (key) {
      found(K_PHONE, key, a, 9);
      return true;
    }
  }
  if (runs === 2 && len0 === 2 && total === 5 && dashed) {
    categories |= bitContact | bitAddress;
    return true;
  }
  return false;
}

// @inline
function run(s: i32, e: i32, end: i32): void {
  const len = e - s;
  if (len < 9 && len !== 2 && len !== 6 && len !== 7) return;
  const after = e < end ? at(e) : 10;
  const eleven = len === 11;
  if ((isAsciiLetter(after) || after >= 128) && !eleven) return;
  const before = s > floor ? at(s - 1) : 32;
  const escaped = (before === 110 || before === 116 || before === 114) && s - 2 >= floor && at(s - 2) === 92;
  if (isWordByte(before) && !escaped && !eleven) {
    let letters = 0;
    while (letters < 4 && s - letters - 1 >= floor && isAsciiLetter(at(s - letters - 1))) letters++;
    const ls = s - letters;
    if (isDigit(before) || (ls > floor && isWordByte(at(ls - 1)))) return;
    documentNumber(ls, letters, s, len, end);
    return;
  }
  if (before === 32 && len >= 6 && len <= 7 && s - 4 >= floor) {
    let letters = 0;
    while (letters < 4 && s - letters - 2 >= floor && isUpper(at(s - letters - 2))) letters++;
    const ls = s - 1 - letters;
    if (letters >= 2 && letters <= 3 && !(ls > floor && isWordByte(at(ls - 1)))) {
      documentNumber(ls, letters, s, len, end);
      return;
    }
  }
  if (len < 9) return;
  copyDigits(0, s, len);
  const col = columnKind();
  if (col === COL_PESEL && (len === 9 || len === 10)) {
    const zeros = 11 - len;
    for (let k = 10; k >= zeros; k--) setDg(k, dg(k - zeros));
    for (let k = 0; k < zeros; k++) setDg(k, 0);
    const key = checkPesel(0);
    if (key) found(K_PESEL, key, 0, 11);
    else peselInvalid++;
    return;
  }
  if (len === 11) {
    if (before === 43 && dg(0) === 4 && dg(1) === 8) {
      phone(2);
      return;
    }
    const key = checkPesel(0);
    if (key) found(K_PESEL, key, 0, 11);
    else if (col === COL_PESEL || (col === COL_NONE && saysPesel(s))) peselInvalid++;
    else if (col === COL_PHONE && dg(0) === 4 && dg(1) === 8) phone(2);
    return;
  }
  if (len === 10) {
    const key = checkNip(0);
    if (key) found(K_NIP, key, 0, 10);
    return;
  }
  if (len === 9) {
    if (col === COL_REGON || (col === COL_NONE && saysRegon(s))) {
      if (checkRegon(9)) found(K_REGON, 0, 0, 9);
      return;
    }
    if (col === COL_NONE || col === COL_PHONE || col === COL_OTHER) phone(0);
    return;
  }
  if (len === 14 && (col === COL_REGON || (col === COL_NONE && saysRegon(s)))) {
    if (checkRegon(14)) found(K_REGON, 0, 0, 14);
    return;
  }
  if (len === 26) {
    if (checkNrb(0)) found(K_IBAN, 0, 0, 26);
    return;
  }
  if (len === 13 && dg(0) === 0 && dg(1) === 0 && dg(2) === 4 && dg(3) === 8) {
    phone(4);
    return;
  }
  if (len >= 12 && len <= 19 && checkCard(len)) found(K_CARD, 0, 0, len);
}

function phone(a: i32): void {
  const key = checkPhone(a);
  if (key) found(K_PHONE, key, a, 9);
}

function documentNumber(ls: i32, letters: i32, s: i32, len: i32, end: i32): void {
  copyDigits(0, s, min(len, 40));
  const upper = isUpper(at(ls)) && isUpper(at(ls + 1)) && (letters < 3 || isUpper(at(ls + 2)));
  if (letters === 3 && len === 6 && upper) {
    const key = checkIdCard(ls);
    if (key) found(K_IDCARD, key, 0, 6);
  } else if (letters === 2 && upper && at(ls) === 80 && at(ls + 1) === 76 && len === 10) {
    const key = checkNip(0);
    if (key) found(K_NIP, key, 0, 10);
  } else if (letters === 2 && (at(ls) | 0x20) === 112 && (at(ls + 1) | 0x20) === 108 && len === 26) {
    if (checkNrb(0)) found(K_IBAN, 0, 0, 26);
  } else if (letters === 2 && len === 7 && upper) {
    const key = checkPassport(ls);
    if (key) found(K_PASSPORT, key, 0, 7);
  } else if (letters === 1 && len === 2 && isUpper(at(ls)) && at(ls) !== 85) {
    const dotted = s + 3 < end && at(s + 2) === 46 && isDigit(at(s + 3));
    if (dotted || columnKind() === COL_DIAGNOSIS || saysIcd(ls)) categories |= bitHealth;
  }
}

/** Which of the 16 bytes of v are ASCII letters or digits, as lanes of all ones or zero. */
function alnumLanes(v: v128): v128 {
  const letter = i8x16.lt_u(i8x16.sub(v128.or(v, i8x16.splat(0x20)), i8x16.splat(97)), i8x16.splat(26));
  return v128.or(letter, i8x16.lt_u(i8x16.sub(v, i8x16.splat(48)), i8x16.splat(10)));
}
/** The 16 bytes from p that may be in an address's local part (ASCII letters, digits, . _ % + -), as bits. */
function localPartBits(p: i32): i32 {
  const v = v128.load(input + <usize>p);
  const punctuation = v128.or(
    v128.or(i8x16.eq(v, i8x16.splat(46)), i8x16.eq(v, i8x16.splat(95))),
    v128.or(
      v128.or(i8x16.eq(v, i8x16.splat(37)), i8x16.eq(v, i8x16.splat(43))),
      i8x16.eq(v, i8x16.splat(45)),
    ),
  );
  return i8x16.bitmask(v128.or(alnumLanes(v), punctuation));
}
/** The 16 bytes from p that may be in a domain (ASCII letters, digits, . -), as bits. */
function domainBits(p: i32): i32 {
  const v = v128.load(input + <usize>p);
  return i8x16.bitmask(
    v128.or(alnumLanes(v), v128.or(i8x16.eq(v, i8x16.splat(46)), i8x16.eq(v, i8x16.splat(45)))),
  );
}

// @inline
function email(a: i32, end: i32): i32 {
  // The local part: back from '@' while its bytes may be in one, 16 at a time (the input has 16 guard bytes before
  // it, which are zero), at most 64.
  const lo = max(floor, a - 64);
  let s = a;
  while (s > lo) {
    const stop = ~localPartBits(s - 16) & 0xffff;
    if (stop !== 0) {
      s = max(s - 16 + (32 - clz(stop)), lo);
      break;
    }
    s = max(s - 16, lo);
  }
  while (s < a && at(s) === 46) s++;
  // The domain: forward while its bytes may be in one, at most 253, then its last dot.
  const hi = min(end, a + 254);
  let e = a + 1;
  while (e < hi) {
    const stop = ~domainBits(e) & 0xffff;
    if (stop !== 0) {
      e += ctz(stop);
      break;
    }
    e += 16;
  }
  e = min(e, hi);
  let lastDot = -1;
  const dot = i8x16.splat(46);
  for (let p = a + 1; p < e; p += 16) {
    let dots = i8x16.bitmask(i8x16.eq(v128.load(input + <usize>p), dot));
    if (e - p < 16) dots &= (1 << (e - p)) - 1;
    if (dots !== 0) lastDot = p + 31 - clz(dots);
  }
  while (e > a + 1 && (at(e - 1) === 46 || at(e - 1) === 45)) {
    e--;
    if (lastDot >= e) {
      lastDot = -1;
      for (let k = a + 1; k < e; k++) if (at(k) === 46) lastDot = k;
    }
  }
  if (s === a || lastDot < a + 2 || e - lastDot - 1 < 2 || at(a - 1) === 46) return a + 1;
  for (let k = lastDot + 1; k < e; k++) if (!isAsciiLetter(at(k))) return a + 1;
  if (e < end && (at(e) === 64 || at(e) >= 128)) return a + 1;
  lineHasContent = true;
  hashInput(s, e);
  emit(K_EMAIL, hashLo, hashHi);
  countValid(K_EMAIL);
  categories |= bitContact;
  if (emailCount >= recordCapacity) growRecord();
  const p = recordEmails + ((<usize>emailCount) << 3);
  store<u32>(p, hashLo);
  store<u32>(p + 4, hashHi);
  emailCount++;
  return e;
}

function growRecord(): void {
  // Records with more than recordCapacity identifiers of one kind are rare: the lists move to larger room.
  const bigger = recordCapacity * 2;
  const ids = grow(<usize>bigger * 4);
  const emails = grow(<usize>bigger * 8);
  const phones = grow(<usize>bigger * 4);
  memory.copy(ids, recordIdCards, (<usize>idCardCount) << 2);
  memory.copy(emails, recordEmails, (<usize>emailCount) << 3);
  memory.copy(phones, recordPhones, (<usize>phoneCount) << 2);
  heap.free(recordIdCards);
  heap.free(recordEmails);
  heap.free(recordPhones);
  recordIdCards = ids;
  recordEmails = emails;
  recordPhones = phones;
  recordCapacity = bigger;
}

// @inline
function found(kind: u32, key: u32, a: i32, len: i32): void {
  countValid(kind);
  if (key) emit(kind, key, 0);
  else {
    hashDigits(a, a + len);
    emit(kind, hashLo, hashHi);
  }
  if (kind === K_PESEL) {
    recordHasPesel = true;
    categories |= bitNationalId | bitIdentification;
  } else if (kind === K_IDCARD) {
    if (idCardCount >= recordCapacity) growRecord();
    store<u32>(recordIdCards + ((<usize>idCardCount) << 2), key);
    idCardCount++;
    categories |= bitNationalId | bitIdentification;
  } else if (kind === K_PASSPORT || kind === K_NIP) {
    categories |= bitNationalId | bitIdentification;
  } else if (kind === K_REGON) {
    categories |= bitIdentification;
  } else if (kind === K_IBAN || kind === K_CARD) {
    categories |= bitFinancial;
  } else if (kind === K_PHONE) {
    if (phoneCount >= recordCapacity) growRecord();
    store<u32>(recordPhones + ((<usize>phoneCount) << 2), key);
    phoneCount++;
    categories |= bitContact;
  }
}

export function endRecord(): void {
  if (!recordHasPesel) {
    if (idCardCount > 0) {
      for (let k = 0; k < idCardCount; k++) emit(S_IDCARD, load<u32>(recordIdCards + ((<usize>k) << 2)), 0);
    } else if (emailCount > 0) {
      for (let k = 0; k < emailCount; k++) {
        const p = recordEmails + ((<usize>k) << 3);
        emit(S_EMAIL, load<u32>(p), load<u32>(p + 4));
      }
    } else {
      for (let k = 0; k < phoneCount; k++) emit(S_PHONE, load<u32>(recordPhones + ((<usize>k) << 2)), 0);
    }
  }
  recordHasPesel = false;
  idCardCount = 0;
  emailCount = 0;
  phoneCount = 0;
}
