/** Sorted distinct keys: 32-bit integers, or 53-bit integers held exactly in doubles. */
export type KeyArray = Uint32Array | Float64Array;

const pendingSize = 1 << 16;

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

/** Keys a block holds after a split; a block that outgrows twice this is split again. */
const blockTarget = 1 << 18;
const headroom = (n: number) => Math.max(n >> 3, 64);

/**
 * A set of numeric keys built for counting millions of identifiers exactly: keys are appended to a small buffer,
 * which is radix sorted and merged into sorted blocks of distinct keys when full. Appending and merging are
 * sequential, so the scan's hot loop does not wait on cache misses as it would with a hash table. The sorted keys
 * are cut into blocks of about 2^18 keys with an eighth of room to grow, each merged in place from its end, so the
 * set holds little more than its distinct keys: one contiguous array would need room to grow by half, and twice
 * its size while it moves to a larger one (on a 1 GB export that was most of the peak memory). Sorted arrays cross
 * threads as transferred buffers and unite by merging block by block; a set absorbed whole is moved, not copied.
 * Two-lane keys (64-bit hashes) keep 53 bits: among ten million values a collision has a chance near 1 in 200.
 */
export class KeySet {
  private pending: KeyArray;
  private count = 0;
  /** Sorted, distinct, non-overlapping and in order: every key of a block is below the next block's first. */
  private blocks: KeyArray[] = [];
  private lengths: number[] = [];
  private total = 0;

  constructor(readonly lanes: 1 | 2) {
    this.pending = this.make(256);
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
    const bigger = this.make(this.pending.length * 4);
    bigger.set(this.pending);
    this.pending = bigger;
  }

  get size(): number {
    this.flush();
    return this.total;
  }

  private flush(): void {
    if (this.count === 0) return;
    const batch = this.pending.subarray(0, this.count);
    radixSort(batch);
    let n = 0;
    for (let k = 0; k < batch.length; k++) if (k === 0 || batch[k] !== batch[n - 1]) batch[n++] = batch[k]!;
    this.mergeIn(batch, n);
    this.count = 0;
  }

  /** Merges sorted distinct keys b[0, n) into the blocks: each block takes the keys below the next one's first. */
  private mergeIn(b: KeyArray, n: number): void {
    if (n === 0) return;
    if (this.blocks.length === 0) {
      this.placeBlocks(0, 0, b, 0, n);
      return;
    }
    let from = 0;
    for (let k = 0; k < this.blocks.length && from < n; k++) {
      const to = k + 1 < this.blocks.length ? lowerBound(b, from, n, this.blocks[k + 1]![0]!) : n;
      if (to > from) k += this.mergeBlock(k, b, from, to) - 1;
      from = to;
    }
  }

  /** Replaces `remove` blocks at `at` by copies of b[from, to) cut into blocks of blockTarget keys. */
  private placeBlocks(at: number, remove: number, b: KeyArray, from: number, to: number): number {
    const pieces = Math.max(1, Math.ceil((to - from) / blockTarget));
    const arrays: KeyArray[] = [];
    const lengths: number[] = [];
    for (let p = 0; p < pieces; p++) {
      const s = from + Math.floor(((to - from) * p) / pieces);
      const e = from + Math.floor(((to - from) * (p + 1)) / pieces);
      const a = this.make(e - s + headroom(e - s));
      a.set(b.subarray(s, e));
      arrays.push(a);
      lengths.push(e - s);
    }
    let removed = 0;
    for (let k = at; k < at + remove; k++) removed += this.lengths[k]!;
    this.blocks.splice(at, remove, ...arrays);
    this.lengths.splice(at, remove, ...lengths);
    this.total += to - from - removed;
    return pieces;
  }

  /** Merges sorted distinct b[from, to) into block k, in place from its end; returns the blocks it became. */
  private mergeBlock(k: number, b: KeyArray, from: number, to: number): number {
    const m = this.lengths[k]!;
    const total = m + to - from;
    let a = this.blocks[k]!;
    if (total > a.length) {
      const bigger = this.make(total + headroom(total));
      bigger.set(a.subarray(0, m));
      a = bigger;
      this.blocks[k] = a;
    }
    let i = m - 1;
    let j = to - 1;
    let w = total - 1;
    while (j >= from) {
      const y = b[j]!;
      if (i >= 0) {
        const x = a[i]!;
        if (x > y) {
          a[w--] = x;
          i--;
          continue;
        }
        if (x === y) i--;
      }
      a[w--] = y;
      j--;
    }
    // a[0, i] stayed where it was; duplicates left a gap between it and the merged tail (w + 1, total).
    const gap = w - i;
    if (gap > 0) a.copyWithin(i + 1, w + 1, total);
    const length = total - gap;
    this.lengths[k] = length;
    this.total += length - m;
    if (length <= 2 * blockTarget) return 1;
    return this.placeBlocks(k, 1, a, 0, length);
  }

  /** The distinct keys, sorted, in one array for sending to another thread. */
  pack(): KeyArray {
    this.flush();
    const out = this.make(this.total);
    let at = 0;
    for (let k = 0; k < this.blocks.length; k++) {
      out.set(this.blocks[k]!.subarray(0, this.lengths[k]!), at);
      at += this.lengths[k]!;
    }
    return out;
  }

  /**
   * The distinct keys as sorted blocks (each below the next), for transferring to another thread without a copy;
   * the set is left empty.
   */
  takeBlocks(): KeyArray[] {
    this.flush();
    const out = this.blocks.map((a, k) => a.subarray(0, this.lengths[k]!));
    this.blocks = [];
    this.lengths = [];
    this.total = 0;
    return out;
  }

  /** Unites sorted blocks (from `takeBlocks`) with this set; when it is empty, they become its blocks. */
  addBlocks(blocks: readonly KeyArray[]): void {
    this.flush();
    const incoming = blocks.filter((a) => a.length > 0);
    if (this.total === 0) {
      for (const a of incoming) {
        this.blocks.push(a);
        this.lengths.push(a.length);
        this.total += a.length;
      }
      return;
    }
    if (incoming.length > 0) this.mergeAll(incoming);
  }

  /**
   * Merges sorted blocks (each below the next) with this set's in one pass into new blocks of blockTarget keys:
   * uniting another thread's whole part this way reads and writes each key once, where merging block by block in
   * place moved most keys three times. A block read to its end, this set's or an incoming one (the caller hands
   * them over), becomes an output block when it holds blockTarget keys and shares its buffer with no unread
   * block: the merge then writes into memory it has freed, where new blocks left the old ones to the garbage
   * collector and a 1 GB scan's last merge briefly held both the two sets and their union.
   */
  private mergeAll(incoming: readonly KeyArray[]): void {
    const mine = this.blocks;
    const myLengths = this.lengths;
    const none = this.make(0);
    const out: KeyArray[] = [];
    const outLengths: number[] = [];
    // Unread blocks on each buffer: a buffer is reused only once nothing on it remains to be read.
    const unread = new Map<ArrayBufferLike, number>();
    for (const a of [...mine, ...incoming]) unread.set(a.buffer, (unread.get(a.buffer) ?? 0) + 1);
    const free: KeyArray[] = [];
    const release = (a: KeyArray) => {
      const left = unread.get(a.buffer)! - 1;
      unread.set(a.buffer, left);
      if (left === 0 && a.buffer.byteLength >= blockTarget * a.BYTES_PER_ELEMENT && isSameType(a, none))
        free.push(
          this.lanes === 1
            ? new Uint32Array(a.buffer, 0, blockTarget)
            : new Float64Array(a.buffer, 0, blockTarget),
        );
    };
    const nextBlock = () => free.pop() ?? this.make(blockTarget);
    let block = nextBlock();
    let w = 0;
    let ai = 0;
    let ap = 0;
    let a = mine[0] ?? none;
    let aLen = myLengths[0] ?? 0;
    let bi = 0;
    let bp = 0;
    let b = incoming[0]!;
    let bLen = b.length;
    for (;;) {
      while (ap === aLen && ai < mine.length) {
        if (mine[ai] !== none) release(mine[ai]!);
        mine[ai] = none;
        ai++;
        a = mine[ai] ?? none;
        aLen = myLengths[ai] ?? 0;
        ap = 0;
      }
      while (bp === bLen && bi < incoming.length) {
        if (b !== none) release(b);
        bi++;
        b = incoming[bi] ?? none;
        bLen = b.length;
        bp = 0;
      }
      if (ap < aLen && bp < bLen) {
        // Both sides have keys: the tight loop runs until one block ends or the output block is full.
        const end =
          a instanceof Uint32Array
            ? mergeStep32(a, ap, aLen, b as Uint32Array, bp, bLen, block as Uint32Array, w)
            : mergeStep64(a as Float64Array, ap, aLen, b as Float64Array, bp, bLen, block as Float64Array, w);
        ap = end[0]!;
        bp = end[1]!;
        w = end[2]!;
      } else if (ap < aLen || bp < bLen) {
        // One side is left: its keys are copied in bulk.
        const onA = ap < aLen;
        const from = onA ? ap : bp;
        const n = Math.min((onA ? aLen : bLen) - from, blockTarget - w);
        block.set((onA ? a : b).subarray(from, from + n), w);
        w += n;
        if (onA) ap += n;
        else bp += n;
      } else break;
      if (w === blockTarget) {
        out.push(block);
        outLengths.push(w);
        block = nextBlock();
        w = 0;
      }
    }
    if (w > 0) {
      out.push(block.slice(0, w));
      outLengths.push(w);
    }
    this.blocks = out;
    this.lengths = outLengths;
    this.total = outLengths.reduce((n, m) => n + m, 0);
  }

  /** Unites sorted distinct keys (from `pack`) with this set. */
  addPacked(other: KeyArray): void {
    this.flush();
    this.mergeIn(other, other.length);
  }

  /** Unites another set with this one; `other` is left empty (its blocks are moved when this set is empty). */
  absorb(other: KeySet): void {
    this.flush();
    other.flush();
    if (this.total === 0 && other.lanes === this.lanes) {
      this.blocks = other.blocks;
      this.lengths = other.lengths;
      this.total = other.total;
    } else {
      for (let k = 0; k < other.blocks.length; k++) this.mergeIn(other.blocks[k]!, other.lengths[k]!);
    }
    other.blocks = [];
    other.lengths = [];
    other.total = 0;
  }

  /** How many keys lie in [lo, hi] (binary search in each block). */
  countBetween(lo: number, hi: number): number {
    this.flush();
    let n = 0;
    for (let k = 0; k < this.blocks.length; k++) {
      const a = this.blocks[k]!;
      const len = this.lengths[k]!;
      n += lowerBound(a, 0, len, hi + 1) - lowerBound(a, 0, len, lo);
    }
    return n;
  }

  forEach(visit: (key: number) => void): void {
    this.flush();
    for (let k = 0; k < this.blocks.length; k++) {
      const a = this.blocks[k]!;
      for (let i = 0; i < this.lengths[k]!; i++) visit(a[i]!);
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
  while (ap < aLen && bp < bLen && w < blockTarget) {
    const x = a[ap]!;
    const y = b[bp]!;
    out[w++] = Math.min(x, y);
    if (x <= y) ap++;
    if (y <= x) bp++;
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
  while (ap < aLen && bp < bLen && w < blockTarget) {
    const x = a[ap]!;
    const y = b[bp]!;
    out[w++] = Math.min(x, y);
    if (x <= y) ap++;
    if (y <= x) bp++;
  }
  stepEnd[0] = ap;
  stepEnd[1] = bp;
  stepEnd[2] = w;
  return stepEnd;
}

function isSameType(a: KeyArray, b: KeyArray): boolean {
  return a instanceof Uint32Array === b instanceof Uint32Array;
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
