/** Sorted distinct keys: 32-bit integers, or 53-bit integers held exactly in doubles. */
export type KeyArray = Uint32Array | Float64Array;

const pendingSize = 1 << 18;

/**
 * A set of numeric keys built for counting millions of identifiers: keys are appended to a small buffer, which is
 * sorted and merged into one sorted array of distinct keys when full. Appending and merging are sequential, so the
 * scan's hot loop does not wait on cache misses as it would with a hash table, and the result is exactly as large
 * as the number of distinct keys. Sorted arrays cross threads as transferred buffers and unite by merging.
 * Two-lane keys (64-bit hashes) keep 53 bits: among ten million values a collision has a chance near 1 in 200.
 */
export class KeySet {
  private pending: KeyArray;
  private count = 0;
  private sorted: KeyArray;

  constructor(readonly lanes: 1 | 2) {
    this.pending = lanes === 1 ? new Uint32Array(pendingSize) : new Float64Array(pendingSize);
    this.sorted = lanes === 1 ? new Uint32Array(0) : new Float64Array(0);
  }

  add(lo: number, hi = 0): void {
    if (this.count === pendingSize) this.flush();
    this.pending[this.count++] = this.lanes === 1 ? lo : (hi & 0x1fffff) * 4294967296 + (lo >>> 0);
  }

  get size(): number {
    this.flush();
    return this.sorted.length;
  }

  private flush(): void {
    if (this.count === 0) return;
    const batch = this.pending.subarray(0, this.count).sort();
    let n = 0;
    for (let k = 0; k < batch.length; k++) if (k === 0 || batch[k] !== batch[n - 1]) batch[n++] = batch[k]!;
    this.sorted = mergeSorted(this.sorted, batch.subarray(0, n));
    this.count = 0;
  }

  /** The distinct keys, sorted, for sending to another thread. */
  pack(): KeyArray {
    this.flush();
    return this.sorted.slice();
  }

  /** Unites sorted distinct keys (from `pack`) with this set. */
  addPacked(other: KeyArray): void {
    this.flush();
    this.sorted = mergeSorted(this.sorted, other);
  }

  forEach(visit: (key: number) => void): void {
    this.flush();
    for (const k of this.sorted) visit(k);
  }
}

function mergeSorted(a: KeyArray, b: KeyArray): KeyArray {
  if (b.length === 0) return a;
  if (a.length === 0) return b.slice();
  const out =
    a instanceof Uint32Array ? new Uint32Array(a.length + b.length) : new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return n === out.length ? out : out.slice(0, n);
}
