/** Sorted distinct keys: 32-bit integers, or 53-bit integers held exactly in doubles. */
export type KeyArray = Uint32Array | Float64Array;

const pendingSize = 1 << 16;

/**
 * A set of numeric keys built for counting millions of identifiers: keys are appended to a small buffer, which is
 * sorted and merged into one sorted array of distinct keys when full. Appending and merging are sequential, so the
 * scan's hot loop does not wait on cache misses as it would with a hash table, and the result is as large as the
 * number of distinct keys. The sorted keys live in one buffer with room to grow, merged in place from its end, so
 * a flush allocates nothing: freed typed arrays are outside the JavaScript heap and would pile up in resident
 * memory until a collection. Sorted arrays cross threads as transferred buffers and unite by merging.
 * Two-lane keys (64-bit hashes) keep 53 bits: among ten million values a collision has a chance near 1 in 200.
 */
export class KeySet {
  private pending: KeyArray;
  private count = 0;
  private sorted: KeyArray;
  private length = 0;

  constructor(readonly lanes: 1 | 2) {
    this.pending = this.make(256);
    this.sorted = this.make(0);
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
    return this.length;
  }

  private flush(): void {
    if (this.count === 0) return;
    const batch = this.pending.subarray(0, this.count).sort();
    let n = 0;
    for (let k = 0; k < batch.length; k++) if (k === 0 || batch[k] !== batch[n - 1]) batch[n++] = batch[k]!;
    this.mergeIn(batch, n);
    this.count = 0;
  }

  /** Merges sorted distinct keys b[0, n) into the sorted keys, in place from the end. */
  private mergeIn(b: KeyArray, n: number): void {
    if (n === 0) return;
    const m = this.length;
    const total = m + n;
    if (total > this.sorted.length) {
      const bigger = this.make(Math.max(total, Math.ceil(this.sorted.length * 1.5), 1024));
      bigger.set(this.sorted.subarray(0, m));
      this.sorted = bigger;
    }
    const a = this.sorted;
    let i = m - 1;
    let j = n - 1;
    let k = total - 1;
    while (j >= 0) {
      const y = b[j]!;
      if (i >= 0) {
        const x = a[i]!;
        if (x > y) {
          a[k--] = x;
          i--;
          continue;
        }
        if (x === y) i--;
      }
      a[k--] = y;
      j--;
    }
    // a[0, i] stayed where it was; duplicates left a gap between it and the merged tail (k + 1, total).
    const gap = k - i;
    if (gap > 0) a.copyWithin(i + 1, k + 1, total);
    this.length = total - gap;
  }

  /** The distinct keys, sorted, for sending to another thread. */
  pack(): KeyArray {
    this.flush();
    return this.sorted.slice(0, this.length);
  }

  /** Unites sorted distinct keys (from `pack`) with this set. */
  addPacked(other: KeyArray): void {
    this.flush();
    this.mergeIn(other, other.length);
  }

  /** How many keys lie in [lo, hi] (binary search on the sorted keys). */
  countBetween(lo: number, hi: number): number {
    this.flush();
    const keys = this.sorted.subarray(0, this.length);
    return lowerBound(keys, hi + 1) - lowerBound(keys, lo);
  }

  forEach(visit: (key: number) => void): void {
    this.flush();
    for (let k = 0; k < this.length; k++) visit(this.sorted[k]!);
  }
}

function lowerBound(a: KeyArray, key: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
