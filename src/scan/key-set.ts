/** Sorted distinct keys: 32-bit integers, or 53-bit integers held exactly in doubles. */
export type KeyArray = Uint32Array | Float64Array;

const pendingSize = 1 << 16;
/** Runs added (addBlocks) of at most this many keys are decoded into the pending keys rather than kept as runs. */
const smallRunKeys = 1 << 12;

// Scratch for radix sorting a batch (one per thread: module state is per worker), grown on demand.
let scratch = new Uint32Array(0);
const counts = new Uint32Array(1 << 11);

/**
 * Sorts non-negative integer keys in place by LSD radix on 11-bit digits (a typed array's own sort costs 50–90 ns
 * a key here, radix sort under 10). Doubles holding integers below 2^53 order as their IEEE bits do, so 2-lane keys
 * sort as (high word, low word) pairs of the same buffer; digits that are equal in every key are skipped.
 */
function radixSort(keys: KeyArray): void {
  const words = keys instanceof Float64Array ? 2 : 1;
  const n = keys.length;
  if (n < 2) return;
  // A few keys (a small file's) cost less than a radix sort's fixed part: six passes over 2 048 buckets.
  if (n < 256) {
    keys.sort();
    return;
  }
  if (scratch.length < n * words) scratch = new Uint32Array(Math.max(n * words, scratch.length * 2));
  let src: Uint32Array = new Uint32Array(keys.buffer, keys.byteOffset, n * words);
  let dst: Uint32Array = scratch.subarray(0, n * words);
  let swapped = false;
  // 11-bit digits (buckets fit in cache): bits 0, 11, 22 of the low word, then of the high word.
  for (let pass = 0; pass < 3 * words; pass++) {
    const word = pass < 3 ? 0 : 1; // 0: low word, 1: high word (little-endian doubles)
    const shift = (pass < 3 ? pass : pass - 3) * 11;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(src[k * words + word]! >>> shift) & 0x7ff]!++;
    if (counts[(src[word]! >>> shift) & 0x7ff] === n) continue; // one digit value: nothing to reorder
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    if (words === 1) {
      for (let k = 0; k < n; k++) {
        const v = src[k]!;
        dst[counts[(v >>> shift) & 0x7ff]!++] = v;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const lo = src[2 * k]!;
        const hi = src[2 * k + 1]!;
        const at = counts[((word === 0 ? lo : hi) >>> shift) & 0x7ff]!++ * 2;
        dst[at] = lo;
        dst[at + 1] = hi;
      }
    }
    const t = src;
    src = dst;
    dst = t;
    swapped = !swapped;
  }
  if (swapped) new Uint32Array(keys.buffer, keys.byteOffset, n * words).set(src);
}

/**
 * Sorted distinct keys, delta coded: `first`, then for each further key its gap to the one before, less one. A gap
 * is `shift` raw low bytes (two-lane blocks whose gaps reach 2^32 only) and the rest in 1 to 4 bytes, the rest's
 * length in two bits of a control byte (control bytes first, then the gaps, then 3 bytes of padding: gaps are
 * read and written 4 bytes at a time, without a branch on their length, whose mispredictions made a byte-wise
 * varint code three times slower on hashes). Dense keys such as PESEL and phone numbers take about 1.3 bytes each,
 * 53-bit hashes about 4.3, where arrays took 4 and 8. Each block's bytes lie on an ArrayBuffer of their own (a page,
 * see pageBytes, or its exact size for the last block of a run), so a block crosses threads as a transferred buffer.
 */
export type KeyBlock = { count: number; first: number; last: number; shift: number; bytes: Uint8Array };

/**
 * Runs a count reads at once (each with a block of keys at a time: in the scan kernel, a page, and it takes up to 64;
 * in JavaScript, an array of blockKeys keys: 32 MB for 64 runs of two-lane keys); more are merged first.
 */
const maxCountedRuns = 64;

/**
 * Runs a set keeps without merging: counting reads them side by side in one pass, which costs a key less than one
 * merge does, so a file of up to this many parts is counted without merges. Merges run on the command's thread, one
 * after another, and cost it a core: with 16 here (300 MB: 0.72–0.75 s instead of 0.81–0.85 s with 8), a 1 GB file
 * cut into about twenty parts on two threads still merged (1.84–2.14 s; 1.71 s with 64), and on eight threads into
 * about seventy parts, merged for most of the scan (11.1 s, 13.2 s of processor time; 2.8 s and 4.0 s with 64).
 * Past it, the two smallest runs merge (see mergeRuns).
 */
const looseRuns = 64;

/** Keys the scratch arrays hold that merges decode blocks into and collect keys in (a block holds fewer). */
const blockKeys = 1 << 16;

// Per-thread scratch of the codec and merges (module state is per worker), made on first use.
type Scratch = {
  a32: Uint32Array;
  a64: Float64Array;
  b32: Uint32Array;
  b64: Float64Array;
  o32: Uint32Array;
  o64: Float64Array;
  control: Uint8Array;
  gaps: DataView;
  gapBytes: Uint8Array;
};
let work: Scratch | null = null;

function scratchArrays(): Scratch {
  if (!work) {
    const a = new ArrayBuffer(blockKeys * 8);
    const b = new ArrayBuffer(blockKeys * 8);
    const o = new ArrayBuffer(blockKeys * 8);
    // A page's gaps; a gap is written 4 bytes at a time.
    const gaps = new ArrayBuffer(pageBytes + 8);
    work = {
      a32: new Uint32Array(a, 0, blockKeys),
      a64: new Float64Array(a),
      b32: new Uint32Array(b, 0, blockKeys),
      b64: new Float64Array(b),
      o32: new Uint32Array(o, 0, blockKeys),
      o64: new Float64Array(o),
      control: new Uint8Array(pageBytes / 4),
      gaps: new DataView(gaps),
      gapBytes: new Uint8Array(gaps),
    };
  }
  return work;
}

const byteScale = [1, 256, 65536, 16777216];

/**
 * Bytes of a full block. Blocks are cut where their bytes fill a page of this size rather than at a number of keys,
 * so every full block has a buffer of the same size, which any other can reuse: a merge writes its blocks on the
 * pages of blocks it has read, and pages left over are kept for the next merge, where blocks of varying sizes left
 * a set's worth of freed buffers to the garbage collector (resident memory keeps freed memory outside the
 * JavaScript heap until a collection). A page holds fewer keys than a block's scratch arrays (at least 1.25 bytes a
 * key: at most 52 429).
 */
const pageBytes = 1 << 16;

/**
 * Pages no block uses, kept for the next blocks written on this thread (at most maxFreePages). The main thread's
 * merges free more pages than they fill (runs code denser as they grow); those go back to the workers with their
 * next job (see takeFreePages), which would otherwise take new ones for every part they scan.
 */
const freePages: ArrayBuffer[] = [];
const maxFreePages = 96;

/** Takes up to `max` of this thread's free pages, for another thread to write its blocks on. */
export function takeFreePages(max: number): ArrayBuffer[] {
  return freePages.splice(Math.max(0, freePages.length - max));
}

/** Adds pages (from another thread's `takeFreePages`) to this thread's free pages. */
export function addFreePages(pages: readonly ArrayBuffer[]): void {
  for (const page of pages)
    if (page.byteLength === pageBytes && freePages.length < maxFreePages) freePages.push(page);
}

/** Room for a block of `size` bytes: a page (a free one if any), or a buffer of its exact size (a run's last). */
function blockBytes(size: number, exact: boolean): Uint8Array {
  return exact
    ? new Uint8Array(size)
    : new Uint8Array(freePages.pop() ?? new ArrayBuffer(pageBytes), 0, size);
}

/** Offers a block's buffer for reuse once its keys have been read (only pages are kept). */
function release(block: KeyBlock): void {
  const buffer = block.bytes.buffer as ArrayBuffer;
  if (buffer.byteLength === pageBytes && freePages.length < maxFreePages) freePages.push(buffer);
}

/**
 * The blocks the scan kernel coded (assembly/scan-kernel.ts codeList: a header of 32 bytes, then the block's bytes,
 * padded to 8), each copied to a buffer of its own: a page, or its exact size for the last, as BlockWriter leaves
 * them.
 */
export function blocksFromKernel(memory: ArrayBuffer, at: number, length: number): KeyBlock[] {
  const view = new DataView(memory, at, length);
  const all = new Uint8Array(memory, at, length);
  const blocks: KeyBlock[] = [];
  for (let p = 0; p < length; ) {
    const count = view.getUint32(p, true);
    const shift = view.getUint32(p + 4, true);
    const first = view.getFloat64(p + 8, true);
    const last = view.getFloat64(p + 16, true);
    const size = view.getUint32(p + 24, true);
    const next = p + 32 + ((size + 7) & ~7);
    const bytes = blockBytes(size, next >= length);
    bytes.set(all.subarray(p + 32, p + 32 + size));
    blocks.push({ count, first, last, shift, bytes });
    p = next;
  }
  return blocks;
}

// The codec's loops are functions of their own: a function of several long loops is compiled while it runs its
// first loop and thrown away at the next, block after block, and ran at a quarter of the speed.

// Where writeGaps32 or writeGaps64 stopped: 0 the next key's index, 1 gap bytes, 2 gaps; and the last key written.
const gapState = new Int32Array(3);
const gapPrev = new Float64Array(1);

/**
 * Codes the gaps of keys[from, to) after `prev` into the scratch page, from byte p and gap g on, until the page
 * is full (gapState gives where it stopped).
 */
function writeGaps32(
  keys: Uint32Array,
  from: number,
  to: number,
  prev: number,
  p: number,
  g: number,
  control: Uint8Array,
  gaps: DataView,
): void {
  // Positions as int32 from the start (callers may hold them as doubles, which made every step convert them).
  let i = from | 0;
  const end = to | 0;
  p |= 0;
  g |= 0;
  for (; i < end; i++, g++) {
    // Room for a gap of 4 bytes, its control byte and the padding.
    if (p + ((g + 4) >> 2) + 7 > pageBytes) break;
    const key = keys[i]!;
    const v = (key - prev - 1) | 0; // the gap's 32 bits (int arithmetic; setUint32 reads them unsigned)
    prev = key;
    const size = (31 - Math.clz32(v | 1)) >> 3; // bytes less one
    gaps.setUint32(p, v, true);
    p += size + 1;
    control[g >> 2] = control[g >> 2]! | (size << ((g & 3) << 1));
  }
  gapState[0] = i;
  gapState[1] = p;
  gapState[2] = g;
  gapPrev[0] = prev;
}

/** The raw low bytes two-lane gaps need so that the rest of the largest is below 2^32. */
function shiftFor64(keys: Float64Array, from: number, to: number, prev: number): number {
  if (from >= to) return 0;
  let max = keys[from]! - prev;
  for (let i = from + 1; i < to; i++) max = Math.max(max, keys[i]! - keys[i - 1]!);
  let shift = 0;
  while (max - 1 >= 4294967296 * byteScale[shift]!) shift++;
  return shift;
}

/** As writeGaps32, for two-lane keys; it also stops at a gap whose rest does not fit in 4 bytes. */
function writeGaps64(
  keys: Float64Array,
  from: number,
  to: number,
  prev: number,
  p: number,
  g: number,
  shift: number,
  control: Uint8Array,
  gaps: DataView,
): void {
  const scale = byteScale[shift]!;
  const inverse = 1 / scale;
  let i = from | 0;
  const end = to | 0;
  p |= 0;
  g |= 0;
  for (; i < end; i++, g++) {
    if (p + ((g + 4) >> 2) + shift + 7 > pageBytes) break;
    const key = keys[i]!;
    const v = key - prev - 1; // exact: both keys are integers below 2^53
    const rest = Math.floor(v * inverse); // exact: scale is a power of two
    if (rest >= 4294967296) break;
    prev = key;
    gaps.setUint32(p, v - rest * scale, true);
    p += shift;
    const size = (31 - Math.clz32(rest | 1)) >> 3;
    gaps.setUint32(p, rest, true);
    p += size + 1;
    control[g >> 2] = control[g >> 2]! | (size << ((g & 3) << 1));
  }
  gapState[0] = i;
  gapState[1] = p;
  gapState[2] = g;
  gapPrev[0] = prev;
}

/**
 * Codes sorted distinct keys, written in order in any number of pieces, into blocks of a page each (the last one
 * exactly its size). One writer at a time per thread: the page being filled is the thread's scratch.
 */
class BlockWriter {
  readonly blocks: KeyBlock[] = [];
  /** Keys in the block being written (0: none). */
  private keys = 0;
  private first = 0;
  private prev = 0;
  private bytes = 0;
  private shift = 0;

  constructor(private readonly scratch: Scratch) {}

  write(keys: KeyArray, from: number, to: number): void {
    if (from >= to) return;
    const s = this.scratch;
    // Two-lane keys: the shift of the piece's largest gap, for the blocks begun in it.
    const shift =
      keys instanceof Float64Array ? shiftFor64(keys, from, to, this.keys > 0 ? this.prev : keys[from]!) : 0;
    let i = from;
    while (i < to) {
      if (this.keys === 0) {
        this.first = keys[i]!;
        this.prev = this.first;
        this.keys = 1;
        this.bytes = 0;
        this.shift = shift;
        i++;
        continue;
      }
      if (keys instanceof Uint32Array)
        writeGaps32(keys, i, to, this.prev, this.bytes, this.keys - 1, s.control, s.gaps);
      else
        writeGaps64(
          keys as Float64Array,
          i,
          to,
          this.prev,
          this.bytes,
          this.keys - 1,
          this.shift,
          s.control,
          s.gaps,
        );
      const stop = gapState[0]!;
      this.keys += stop - i;
      this.bytes = gapState[1]!;
      this.prev = gapPrev[0]!;
      i = stop;
      if (i < to) this.emit(false); // the page is full, or a gap needs a larger shift
    }
  }

  /** Ends the block being written; `exact`: on a buffer of its size rather than a page. */
  emit(exact: boolean): void {
    if (this.keys === 0) return;
    const s = this.scratch;
    const controlBytes = (this.keys + 2) >> 2;
    const size = controlBytes + this.bytes + 3;
    const bytes = blockBytes(size, exact);
    bytes.set(s.control.subarray(0, controlBytes));
    bytes.set(s.gapBytes.subarray(0, this.bytes), controlBytes);
    bytes.fill(0, controlBytes + this.bytes);
    s.control.fill(0, 0, controlBytes); // the next block's control bits are or-ed in
    this.blocks.push({ count: this.keys, first: this.first, last: this.prev, shift: this.shift, bytes });
    this.keys = 0;
  }

  /** Writes `block` as it is (the keys written so far end a block first). */
  pass(block: KeyBlock): void {
    this.emit(true);
    this.blocks.push(block);
  }
}

/** Writes the block's keys to out[0, count). */
function decode32(block: KeyBlock, out: Uint32Array): void {
  const bytes = block.bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = block.count;
  let p = (n + 2) >> 2;
  let key = block.first;
  out[0] = key;
  for (let i = 1, g = 0; i < n; i++, g++) {
    const size = (bytes[g >> 2]! >> ((g & 3) << 1)) & 3;
    const v = (view.getUint32(p, true) & (0xffffffff >>> ((3 - size) << 3))) >>> 0;
    p += size + 1;
    key += v + 1;
    out[i] = key;
  }
}

function decode64(block: KeyBlock, out: Float64Array): void {
  const bytes = block.bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = block.shift;
  const scale = byteScale[shift]!;
  const lowMask = scale - 1;
  const n = block.count;
  let p = (n + 2) >> 2;
  let key = block.first;
  out[0] = key;
  for (let i = 1, g = 0; i < n; i++, g++) {
    const low = view.getUint32(p, true) & lowMask;
    p += shift;
    const size = (bytes[g >> 2]! >> ((g & 3) << 1)) & 3;
    const rest = (view.getUint32(p, true) & (0xffffffff >>> ((3 - size) << 3))) >>> 0;
    p += size + 1;
    key += low + rest * scale + 1;
    out[i] = key;
  }
}

/** Sorted distinct keys as blocks, each below the next. */
export type Run = { blocks: KeyBlock[]; count: number };

function decodeInto(block: KeyBlock, keys: KeyArray): void {
  if (keys instanceof Uint32Array) decode32(block, keys);
  else decode64(block, keys as Float64Array);
}

/**
 * Unites run `mine` with sorted distinct keys, given as blocks or as one array, in one pass into new blocks. Each
 * block read is decoded whole into a scratch array, and its page is then free for the blocks written; where one
 * side has ended, the other's remaining blocks pass unchanged.
 */
function mergeRun(
  lanes: 1 | 2,
  mine: readonly KeyBlock[],
  theirs: readonly KeyBlock[],
  raw: KeyArray | null,
): Run {
  const s = scratchArrays();
  const wide = lanes === 2;
  const writer = new BlockWriter(s);
  const outKeys = wide ? s.o64 : s.o32;
  const none = wide ? new Float64Array(0) : new Uint32Array(0);
  let w = 0;
  // Side a: this set's blocks; side b: the incoming blocks, or the array.
  let ai = 0;
  let a: KeyArray = none;
  let ap = 0;
  let aLen = 0;
  let bi = 0;
  let b: KeyArray = raw ?? none;
  let bp = 0;
  let bLen = raw ? raw.length : 0;
  for (;;) {
    if (ap === aLen && ai < mine.length) {
      if (bp === bLen && bi === theirs.length) {
        writer.write(outKeys, 0, w);
        w = 0;
        while (ai < mine.length) writer.pass(mine[ai++]!);
        continue;
      }
      const block = mine[ai++]!;
      a = wide ? s.a64 : s.a32;
      decodeInto(block, a);
      ap = 0;
      aLen = block.count;
      release(block);
      continue;
    }
    if (bp === bLen && bi < theirs.length) {
      if (ap === aLen && ai === mine.length) {
        writer.write(outKeys, 0, w);
        w = 0;
        while (bi < theirs.length) writer.pass(theirs[bi++]!);
        continue;
      }
      const block = theirs[bi++]!;
      b = wide ? s.b64 : s.b32;
      decodeInto(block, b);
      bp = 0;
      bLen = block.count;
      release(block);
      continue;
    }
    if (ap < aLen && bp < bLen) {
      const end = wide
        ? mergeStep64(a as Float64Array, ap, aLen, b as Float64Array, bp, bLen, outKeys as Float64Array, w)
        : mergeStep32(a as Uint32Array, ap, aLen, b as Uint32Array, bp, bLen, outKeys as Uint32Array, w);
      ap = end[0]!;
      bp = end[1]!;
      w = end[2]!;
    } else if (ap < aLen || bp < bLen) {
      // One side is left: its keys go to the writer as they are.
      if (w > 0) {
        writer.write(outKeys, 0, w);
        w = 0;
      }
      if (ap < aLen) {
        writer.write(a, ap, aLen);
        ap = aLen;
      } else {
        writer.write(b, bp, bLen);
        bp = bLen;
      }
    } else break;
    if (w === blockKeys) {
      writer.write(outKeys, 0, w);
      w = 0;
    }
  }
  writer.write(outKeys, 0, w);
  writer.emit(true);
  return { blocks: writer.blocks, count: writer.blocks.reduce((n, block) => n + block.count, 0) };
}

/** A run read piece by piece, in key order, in a count (see unionBetween). */
type PieceReader = {
  /**
   * Keys per unit of key space from `from` to the end of the block the run goes on with (0: the run has ended): from
   * `from`, not from the block's next key, so that a key left alone far ahead counts as sparse.
   */
  density(from: number): number;
  /** One past the last key of the block the run goes on with (infinity once the run has ended). */
  blockEnd(): number;
  /** Takes the run's next keys below `end` into the piece being counted. */
  take(end: number): void;
};

/** Where a count keeps the keys of a piece and counts them. */
type PieceCounter = {
  reader(run: Run, index: number, lo: number): PieceReader;
  /** Drops the keys taken so far. */
  drop(): void;
  /** The distinct keys taken since the last piece; the next piece starts empty. */
  piece(): number;
};

/** The next block of a run at or after key `lo`. */
function firstBlockFrom(run: Run, lo: number): number {
  let next = 0;
  while (next < run.blocks.length && run.blocks[next]!.last < lo) next++;
  return next;
}

/** A reader's density from `from` when its next keys are those of a block not yet read (none: the run has ended). */
function blockDensity(block: KeyBlock | undefined, from: number): number {
  return block ? block.count / (block.last - from + 1) : 0;
}

/** One past a block's last key (infinity: no block, the run has ended). */
function endOfBlock(block: KeyBlock | undefined): number {
  return block ? block.last + 1 : Number.POSITIVE_INFINITY;
}

/** Counts in JavaScript: blocks decoded into arrays, a piece's keys gathered into one and put in a hash table. */
class ScriptCounter implements PieceCounter {
  private readonly gather: Gather;
  private n = 0;

  constructor(private readonly lanes: 1 | 2) {
    this.gather = new Gather(lanes);
  }

  reader(run: Run, _index: number, lo: number): PieceReader {
    const lanes = this.lanes;
    const keys = lanes === 2 ? new Float64Array(blockKeys) : new Uint32Array(blockKeys);
    let next = firstBlockFrom(run, lo);
    let pos = 0;
    let len = 0;
    return {
      density: (from) =>
        pos < len ? (len - pos) / (keys[len - 1]! - from + 1) : blockDensity(run.blocks[next], from),
      blockEnd: () => (pos < len ? keys[len - 1]! + 1 : endOfBlock(run.blocks[next])),
      take: (end) => {
        for (;;) {
          if (pos === len) {
            const block = run.blocks[next];
            if (!block || block.first >= end) return;
            decodeInto(block, keys);
            next++;
            pos = 0;
            len = block.count;
          }
          const stop = lowerBound(keys, pos, len, end);
          this.gather.reserve(this.n + stop - pos);
          this.gather.keys.set(keys.subarray(pos, stop), this.n);
          this.n += stop - pos;
          pos = stop;
          if (stop < len) return;
        }
      },
    };
  }

  drop(): void {
    this.n = 0;
  }

  piece(): number {
    const n = this.n;
    this.n = 0;
    if (n === 0) return 0;
    return this.lanes === 2
      ? distinct64(this.gather.keys as Float64Array, n)
      : distinct32(this.gather.keys as Uint32Array, n);
  }
}

/**
 * The scan kernel's count functions (assembly/scan-kernel.ts countTake and the rest): the same count in
 * WebAssembly, each run's current block copied into the kernel's memory.
 */
export type CountKernel = {
  memory: WebAssembly.Memory;
  countSlot(run: number, bytes: number): number;
  countStart(run: number, count: number, first: number, shift: number): void;
  countLeft(run: number): number;
  countTake(run: number, end: number, wide: number): number;
  countDrop(): void;
  countPiece(): number;
};

/** Runs the kernel counts side by side (its table of runs). */
const kernelCountRuns = 64;

let countKernel: (() => CountKernel | null) | null = null;

/** Lets counts run in the scan kernel (kernel-scanner.ts gives it when the kernel is built). */
export function setCountKernel(get: () => CountKernel | null): void {
  countKernel = get;
}

class KernelCounter implements PieceCounter {
  constructor(
    private readonly k: CountKernel,
    private readonly lanes: 1 | 2,
  ) {}

  reader(run: Run, index: number, lo: number): PieceReader {
    const k = this.k;
    const wide = this.lanes === 2 ? 1 : 0;
    let next = firstBlockFrom(run, lo);
    // The block in the kernel's slot while it has keys left.
    let current: KeyBlock | null = null;
    return {
      density: (from) =>
        current ? k.countLeft(index) / (current.last - from + 1) : blockDensity(run.blocks[next], from),
      blockEnd: () => endOfBlock(current ?? run.blocks[next]),
      take: (end) => {
        for (;;) {
          if (!current) {
            const block = run.blocks[next];
            if (!block || block.first >= end) return;
            const at = k.countSlot(index, block.bytes.length);
            new Uint8Array(k.memory.buffer, at, block.bytes.length).set(block.bytes);
            k.countStart(index, block.count, block.first, block.shift);
            current = block;
            next++;
          }
          if (k.countTake(index, end, wide) === 0) return;
          current = null;
        }
      },
    };
  }

  drop(): void {
    this.k.countDrop();
  }

  piece(): number {
    return this.k.countPiece();
  }
}

/** A growable scratch array of keys. */
class Gather {
  keys: KeyArray;

  constructor(private readonly lanes: 1 | 2) {
    this.keys = lanes === 2 ? new Float64Array(1024) : new Uint32Array(1024);
  }

  reserve(n: number): void {
    if (n <= this.keys.length) return;
    const bigger = this.lanes === 2 ? new Float64Array(n * 2) : new Uint32Array(n * 2);
    bigger.set(this.keys);
    this.keys = bigger;
  }
}

/** Keys a piece of a count holds about: its hash table (four times as many slots) stays in the processor's cache. */
const pieceKeys = 1 << 13;

/**
 * How many distinct keys in [lo, hi] the runs hold together, without merging them: the key range is cut into
 * pieces of about pieceKeys keys of all runs together; each piece's keys are gathered from the runs (each block is
 * decoded once) and put in a small hash table, which counts each key once. No block is coded, and a key costs one
 * decoding and one insertion whatever the number of runs, so counting after the last part costs a read of the keys
 * rather than merges. The scan kernel counts when it is built: the count runs once a scan, so its JavaScript runs
 * mostly unoptimized (300 MB: 105–126 ms in JavaScript, 72–84 ms in the kernel).
 */
function unionBetween(lanes: 1 | 2, runs: readonly Run[], lo: number, hi: number): number {
  if (runs.length === 0) return 0;
  if (runs.length === 1) return runBetween(lanes, runs[0]!, lo, hi);
  const kernel = runs.length <= kernelCountRuns ? (countKernel?.() ?? null) : null;
  const counter: PieceCounter = kernel ? new KernelCounter(kernel, lanes) : new ScriptCounter(lanes);
  const readers = runs.map((run, index) => counter.reader(run, index, lo));
  // Keys below lo are passed over.
  let top = lo;
  for (let r = 0; r < runs.length; r++) {
    readers[r]!.take(lo);
    const blocks = runs[r]!.blocks;
    if (blocks.length > 0) top = Math.max(top, blocks[blocks.length - 1]!.last);
  }
  counter.drop();
  const last = Math.min(hi, top);
  if (last < lo) return 0;
  let total = 0;
  for (let from = lo; from <= last; ) {
    // A piece spans about pieceKeys keys as the runs' blocks there are dense, and never goes past the end of a
    // run's block: clustered keys (numbers in sequence) cannot make one piece, and its table, hold them all.
    let density = 0;
    let end = last + 1;
    for (const reader of readers) {
      density += reader.density(from);
      end = Math.min(end, reader.blockEnd());
    }
    if (density > 0) end = Math.min(end, from + Math.max(1, Math.floor(pieceKeys / density)));
    for (const reader of readers) reader.take(end);
    total += counter.piece();
    from = end;
  }
  return total;
}

/** The distinct keys of runs taken from a set (KeySet.takeRuns), counted as the set counts them. */
export function countRuns(lanes: 1 | 2, runs: readonly Run[]): number {
  return unionBetween(lanes, runs, 0, Number.MAX_SAFE_INTEGER);
}

let table32 = new Uint32Array(0);
let table64 = new Float64Array(0);

/**
 * The slots of a hash table for n keys: a power of two, at least four times n (a key finds its slot free at once
 * more often than at twice n: u64 keys 13.5 → 10.5 ns a key).
 */
function tableBits(n: number): number {
  return Math.max(4, 32 - Math.clz32(n * 4 - 1));
}

/** How many distinct keys keys[0, n) holds (0 is a key too: empty slots hold 0, so it is counted apart). */
function distinct32(keys: Uint32Array, n: number): number {
  const bits = tableBits(n);
  const size = 1 << bits;
  if (table32.length < size) table32 = new Uint32Array(size);
  const table = table32;
  table.fill(0, 0, size);
  const mask = size - 1;
  const shift = 32 - bits;
  let count = 0;
  let zero = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (key === 0) {
      zero = 1;
      continue;
    }
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
    for (;;) {
      const held = table[slot]!;
      if (held === key) break;
      if (held === 0) {
        table[slot] = key;
        count++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return count + zero;
}

/** As distinct32, for two-lane keys (53-bit integers in doubles): a loop of its own, as each stays monomorphic. */
function distinct64(keys: Float64Array, n: number): number {
  const bits = tableBits(n);
  const size = 1 << bits;
  if (table64.length < size) table64 = new Float64Array(size);
  const table = table64;
  table.fill(0, 0, size);
  const mask = size - 1;
  const shift = 32 - bits;
  let count = 0;
  let zero = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (key === 0) {
      zero = 1;
      continue;
    }
    // The low 32 bits pick the slot: two-lane keys are hashes, as random in their low bits as in their high ones.
    let slot = Math.imul(key >>> 0, 0x9e3779b1) >>> shift;
    for (;;) {
      const held = table[slot]!;
      if (held === key) break;
      if (held === 0) {
        table[slot] = key;
        count++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return count + zero;
}

/** How many keys of a run lie in [lo, hi]: blocks wholly inside or outside are counted by their bounds. */
function runBetween(lanes: 1 | 2, run: Run, lo: number, hi: number): number {
  const keys = lanes === 2 ? scratchArrays().a64 : scratchArrays().a32;
  let n = 0;
  for (const block of run.blocks) {
    if (block.last < lo || block.first > hi) continue;
    if (block.first >= lo && block.last <= hi) {
      n += block.count;
      continue;
    }
    decodeInto(block, keys);
    n += lowerBound(keys, 0, block.count, hi + 1) - lowerBound(keys, 0, block.count, lo);
  }
  return n;
}

/**
 * A set of numeric keys built for counting millions of identifiers exactly: keys are appended to a small buffer,
 * which is radix sorted into a sorted run of distinct keys when full. Appending and merging are sequential, so the
 * scan's hot loop does not wait on cache misses as it would with a hash table. Runs are held as delta-coded blocks
 * (see KeyBlock): a 1 GB export's six million PESEL numbers, phone numbers and IBAN hashes take about 46 MB instead
 * of 97. Blocks cross threads as transferred buffers, and a set absorbed whole is moved, not copied.
 *
 * Merging coded runs costs about three times what merging arrays did, so a set merges less often: runs arriving
 * (a part of a file, a batch of keys) are kept as they come, up to looseRuns, and past them the two smallest are
 * merged (a key is merged about log2(runs / looseRuns) times; merging each new run into the one before, grown by
 * every merge, merged a folder of 1 932 small files' keys about a thousand times each: 6.4 s of a 6.8 s scan). A
 * small run (a small file's keys) is not kept as a run at all: its keys join those added one by one. Counting needs
 * no merge of the runs left: it reads them side by side, each key once (see unionBetween). Two-lane keys (64-bit hashes) keep
 * 53 bits: among ten million values a collision has a chance near 1 in 200.
 */
export class KeySet {
  private pending: KeyArray;
  private count = 0;
  /** Sorted runs of distinct keys (runs may share keys), in the order they came or were merged. */
  private runs: Run[] = [];
  /** The distinct keys of all runs, once counted (null: not known). */
  private distinctCount: number | null = 0;

  constructor(readonly lanes: 1 | 2) {
    // Room is made on the first key: most of a small file's sets never get one.
    this.pending = this.make(0);
  }

  private make(n: number): KeyArray {
    return this.lanes === 1 ? new Uint32Array(n) : new Float64Array(n);
  }

  add(lo: number, hi = 0): void {
    if (this.count === this.pending.length) this.grow();
    this.pending[this.count++] = this.lanes === 1 ? lo : (hi & 0x1fffff) * 4294967296 + (lo >>> 0);
  }

  private grow(): void {
    if (this.pending.length >= pendingSize) {
      this.flush();
      return;
    }
    const bigger = this.make(Math.max(256, this.pending.length * 4));
    bigger.set(this.pending);
    this.pending = bigger;
  }

  get size(): number {
    this.flush();
    if (this.distinctCount === null) {
      this.mergeRuns(maxCountedRuns);
      this.distinctCount = countRuns(this.lanes, this.runs);
    }
    return this.distinctCount;
  }

  private flush(): void {
    if (this.count === 0) return;
    const batch = this.pending.subarray(0, this.count);
    radixSort(batch);
    let n = 0;
    for (let k = 0; k < batch.length; k++) if (k === 0 || batch[k] !== batch[n - 1]) batch[n++] = batch[k]!;
    this.count = 0;
    this.push(mergeRun(this.lanes, [], [], batch.subarray(0, n)));
  }

  /** Adds a run, then, past looseRuns runs, merges the two smallest (see mergeRuns). */
  private push(run: Run, settle = true): void {
    if (run.count === 0) return;
    this.distinctCount = null;
    this.runs.push(run);
    if (settle) this.mergeRuns(looseRuns);
  }

  /**
   * Merges runs until at most `keep` are left, the two smallest each time. Merging the top two, into a run that grew
   * with every merge, read the first runs' keys again at each merge: 64 runs of 100 000 keys into one took 2.5 s,
   * this 0.35 s.
   */
  private mergeRuns(keep: number): void {
    const runs = this.runs;
    while (runs.length > keep) {
      let a = 0;
      let b = 1;
      if (runs[b]!.count < runs[a]!.count) [a, b] = [b, a];
      for (let k = 2; k < runs.length; k++) {
        const n = runs[k]!.count;
        if (n < runs[a]!.count) [a, b] = [k, a];
        else if (n < runs[b]!.count) b = k;
      }
      const [first, second] = a < b ? [a, b] : [b, a];
      runs[first] = mergeRun(this.lanes, runs[first]!.blocks, runs[second]!.blocks, null);
      runs.splice(second, 1);
    }
  }

  /**
   * Unites sorted distinct keys with this set (another set's `pack()`, or an array read before anything else
   * runs on this thread: it may be a view of the scan kernel's memory).
   */
  addSorted(keys: KeyArray): void {
    this.flush();
    if (keys.length > 0) this.push(mergeRun(this.lanes, [], [], keys));
  }

  /** The distinct keys, sorted, in one array (for tests and small sets). */
  pack(): KeyArray {
    this.flush();
    this.mergeRuns(1);
    const out = this.make(this.runs[0]?.count ?? 0);
    let at = 0;
    for (const block of this.runs[0]?.blocks ?? []) {
      decodeInto(block, out.subarray(at));
      at += block.count;
    }
    return out;
  }

  /**
   * The keys as coded blocks (sorted, distinct, each below the next), for transferring to another thread; the set
   * is left empty.
   */
  takeBlocks(): KeyBlock[] {
    this.flush();
    this.mergeRuns(1);
    const out = this.runs[0]?.blocks ?? [];
    this.runs = [];
    this.distinctCount = 0;
    return out;
  }

  /**
   * Unites blocks (from `takeBlocks`) with this set. `last`: the set is counted next, with nothing more to unite; the
   * run is then left unmerged, as counting reads runs side by side.
   */
  addBlocks(blocks: readonly KeyBlock[], last = false): void {
    const run = blocks.filter((b) => b.count > 0);
    const count = run.reduce((n, b) => n + b.count, 0);
    if (count <= smallRunKeys && !last) {
      // A small file's keys join the keys added one by one, sorted with them into a run of up to pendingSize:
      // as runs, a folder of 1 932 files of 60 rows merged them on this thread for 0.18 s of a 0.83 s scan.
      for (const block of run) {
        while (this.pending.length - this.count < block.count) this.grow();
        decodeInto(block, this.pending.subarray(this.count));
        this.count += block.count;
        release(block);
      }
      return;
    }
    this.flush();
    this.push({ blocks: run, count }, !last);
  }

  /** Unites another set with this one; `other` is left empty (its runs are moved here, not copied). */
  absorb(other: KeySet): void {
    this.flush();
    other.flush();
    if (other.lanes !== this.lanes) {
      this.addSorted(other.pack());
      other.takeBlocks();
      return;
    }
    if (this.runs.length === 0) {
      this.runs = other.runs;
      this.distinctCount = other.distinctCount;
    } else {
      // Its runs join these as they are (merged as any run that comes is), not merged into one first.
      for (const run of other.runs) this.push(run);
    }
    other.runs = [];
    other.distinctCount = 0;
  }

  /**
   * Whether the distinct keys are still to be counted; then `takeRuns` hands the runs (their blocks' buffers
   * transferable) to another thread, which counts them with `countRuns`, and `putRuns` takes them back with the count.
   */
  get uncounted(): boolean {
    this.flush();
    return this.distinctCount === null;
  }

  /** The keys of the set's runs (keys in several runs counted in each). */
  get runKeys(): number {
    this.flush();
    return this.runs.reduce((n, run) => n + run.count, 0);
  }

  takeRuns(): Run[] {
    this.flush();
    this.mergeRuns(maxCountedRuns);
    const runs = this.runs;
    this.runs = [];
    this.distinctCount = 0;
    return runs;
  }

  putRuns(runs: Run[], distinct: number | null): void {
    this.runs = runs;
    this.distinctCount = distinct;
  }

  /** How many keys lie in [lo, hi]. */
  countBetween(lo: number, hi: number): number {
    this.flush();
    this.mergeRuns(maxCountedRuns);
    return unionBetween(this.lanes, this.runs, lo, hi);
  }

  forEach(visit: (key: number) => void): void {
    this.flush();
    this.mergeRuns(1);
    const keys = this.make(blockKeys);
    for (const block of this.runs[0]?.blocks ?? []) {
      decodeInto(block, keys);
      for (let i = 0; i < block.count; i++) visit(keys[i]!);
    }
  }
}

// Where a merge step stopped: positions in a and b, keys written.
const stepEnd = new Int32Array(3);

// The merge step twice, once per array type: each copy sees one type only, which keeps its element access
// monomorphic (one shared copy ran at half the speed).
function mergeStep32(
  a: Uint32Array,
  ap: number,
  aLen: number,
  b: Uint32Array,
  bp: number,
  bLen: number,
  out: Uint32Array,
  w: number,
): Int32Array {
  while (ap < aLen && bp < bLen && w < blockKeys) {
    const x = a[ap]!;
    const y = b[bp]!;
    // Without a branch on which key is smaller (keys interleave at random, so it mispredicts half the time): the
    // comparisons as 0 or 1 pick the key arithmetically, which merged twice as fast.
    const takeA = +(x <= y);
    out[w++] = x * takeA + y * (1 - takeA);
    ap += takeA;
    bp += +(y <= x);
  }
  stepEnd[0] = ap;
  stepEnd[1] = bp;
  stepEnd[2] = w;
  return stepEnd;
}

function mergeStep64(
  a: Float64Array,
  ap: number,
  aLen: number,
  b: Float64Array,
  bp: number,
  bLen: number,
  out: Float64Array,
  w: number,
): Int32Array {
  while (ap < aLen && bp < bLen && w < blockKeys) {
    const x = a[ap]!;
    const y = b[bp]!;
    // Without a branch on which key is smaller (keys interleave at random, so it mispredicts half the time): the
    // comparisons as 0 or 1 pick the key arithmetically, which merged twice as fast.
    const takeA = +(x <= y);
    out[w++] = x * takeA + y * (1 - takeA);
    ap += takeA;
    bp += +(y <= x);
  }
  stepEnd[0] = ap;
  stepEnd[1] = bp;
  stepEnd[2] = w;
  return stepEnd;
}

/** The first index in a[lo, hi) whose key is not below `key`. */
function lowerBound(a: KeyArray, lo: number, hi: number, key: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
