import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding, detectEncodingBytewise } from '../../src/scan/detect-encoding.ts';
import { identifierChecks } from '../../src/scan/identifier-checks.ts';
import { kernelCount } from '../../src/scan/kernel-scanner.ts';
import { countRuns, KeySet, setCountKernel } from '../../src/scan/key-set.ts';
import { countTransferList } from '../../src/scan/run-scan-job.ts';
import { defaultThreads, partStarts, scanPaths } from '../../src/scan/scan-paths.ts';
import { type CountSet, ScanTally } from '../../src/scan/scan-tally.ts';
import { makePesel } from './make-identifiers.ts';

const root = mkdtempSync(path.join(tmpdir(), 'incydent-scan-fast-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const digitsOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) - 48);

/** Adds each part to `set` as the blocks of a set of its own (as parts of a file arrive from workers). */
function addParts(set: KeySet, parts: readonly number[][], reference: Set<number>): void {
  for (const part of parts) {
    const other = new KeySet(set.lanes);
    for (const key of part) {
      other.add(key, 0);
      reference.add(key);
    }
    set.addBlocks(other.takeBlocks());
  }
}

/** The set holds the reference's keys: as many, as many from `lo` to `hi`, and the same when packed. */
function expectLikeSet(set: KeySet, reference: Set<number>, lo: number, hi: number): void {
  const sorted = [...reference].sort((x, y) => x - y);
  expect(set.size).toBe(sorted.length);
  expect(set.countBetween(lo, hi)).toBe(sorted.filter((k) => k >= lo && k <= hi).length);
  expect([...set.pack()]).toEqual(sorted);
}

/** How many keys a reference (1 at each key held) holds in all, and from `lo` to `hi`. */
function referenceCounts(reference: Uint8Array, lo: number, hi: number): { all: number; range: number } {
  let all = 0;
  let range = 0;
  for (let k = 0; k < reference.length; k++) {
    all += reference[k]!;
    if (k >= lo && k <= hi) range += reference[k]!;
  }
  return { all, range };
}

// Key sets count their runs in the scan kernel when it is built, else in JavaScript: both ways are held to a Set.
describe.each(['the scan kernel', 'JavaScript'])(
  'KeySet merges in place exactly like a Set (counting in %s)',
  (way) => {
    beforeAll(() => setCountKernel(way === 'JavaScript' ? () => null : kernelCount));
    afterAll(() => setCountKernel(kernelCount));

    it('distinct keys, sorted packs, unions and ranges match a reference (both lanes)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 5000 }),
          fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 2000 }),
          fc.constantFrom<1 | 2>(1, 2),
          (adds, other, lanes) => {
            const set = new KeySet(lanes);
            for (const k of adds) set.add(k + 1, 0);
            const otherSet = new KeySet(lanes);
            for (const k of other) otherSet.add(k + 1, 0);
            set.addSorted(otherSet.pack());
            const reference = [...new Set([...adds, ...other].map((k) => k + 1))].sort((a, b) => a - b);
            expect([...set.pack()]).toEqual(reference);
            expect(set.size).toBe(reference.length);
            expect(set.countBetween(100, 2000)).toBe(reference.filter((k) => k >= 100 && k <= 2000).length);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('radix-sorts full-width keys and keeps blocks in order past flushes, splits and absorbs', () => {
      fc.assert(
        fc.property(
          fc.constantFrom<1 | 2>(1, 2),
          fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 3000 }),
          fc.array(fc.nat({ max: 0x1fffff }), { maxLength: 3000 }),
          fc.integer({ min: 1, max: 40 }),
          (lanes, los, his, spread) => {
            const set = new KeySet(lanes);
            const other = new KeySet(lanes);
            const reference = new Set<number>();
            for (let k = 0; k < los.length; k++) {
              const lo = los[k]!;
              const hi = lanes === 2 ? (his[k] ?? 0) : 0;
              // Repeat some keys, so batches and blocks hold duplicates of each other.
              const key = lanes === 1 ? lo : hi * 4294967296 + lo;
              reference.add(key);
              (k % spread === 0 ? other : set).add(lo, hi);
              if (k % 7 === 0) set.add(lo, hi);
            }
            set.absorb(other);
            const sorted = [...reference].sort((a, b) => a - b);
            expect([...set.pack()]).toEqual(sorted);
            expect(other.size).toBe(0);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('counts some sets of a tally on another thread, whose runs come back whole with their counts', async () => {
      const tally = new ScanTally(false);
      const references = new Map<KeySet, Set<number>>();
      // Sets of different sizes, each of several runs (parts of a file), in both lanes.
      const sizes: [KeySet, number][] = [
        [tally.sets.pesel, 9000],
        [tally.sets.iban, 7000],
        [tally.sets.email, 2000],
        [tally.sets.phone, 5000],
        [tally.subjects.email, 300],
      ];
      for (const [set, n] of sizes) {
        const reference = new Set<number>();
        const parts = [0, 1, 2].map((p) =>
          Array.from({ length: n }, (_, k) => ((k * 7919 + p * 131) % (n * 3)) + 1),
        );
        addParts(set, parts, reference);
        references.set(set, reference);
      }
      let sent: CountSet[] = [];
      // As postMessage moves them: the blocks' buffers are transferred there and back.
      await tally.count((sets) => {
        sent = sets;
        const there = structuredClone(sets, { transfer: countTransferList(sets) });
        const counts = there.map((set) => countRuns(set.lanes, set.runs));
        return Promise.resolve({
          counts,
          sets: structuredClone(there, { transfer: countTransferList(there) }),
        });
      });
      // Largest first, each to the side with fewer keys so far: PESEL here, IBAN and phone there, the rest here.
      expect(sent.map((set) => set.runs.reduce((n, run) => n + run.count, 0))).toEqual([21000, 15000]);
      for (const [set, reference] of references) expectLikeSet(set, reference, 1000, 5000);
      // With no other thread free, every set is counted here.
      const alone = new ScanTally(false);
      addParts(
        alone.sets.nip,
        [
          [5, 3, 9],
          [3, 4],
        ],
        new Set(),
      );
      addParts(
        alone.sets.card,
        [
          [1, 2],
          [2, 7],
        ],
        new Set(),
      );
      await alone.count(() => null);
      expect([alone.distinct('nip'), alone.distinct('card')]).toEqual([4, 3]);
    });

    it('unites sorted blocks from other threads in one pass, like a Set (both lanes)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom<1 | 2>(1, 2),
          fc.array(fc.array(fc.integer({ min: 1, max: 600_000 }), { maxLength: 400 }), { maxLength: 4 }),
          fc.integer({ min: 0, max: 300_000 }),
          (lanes, parts, spread) => {
            const set = new KeySet(lanes);
            const reference = new Set<number>();
            // A large first part spans several blocks; the others arrive as blocks of their own.
            for (let k = 0; k < spread; k += 7) {
              set.add(k * 2 + 1, 0);
              reference.add(k * 2 + 1);
            }
            addParts(set, parts, reference);
            expectLikeSet(set, reference, 1000, 200_000);
          },
        ),
        { numRuns: 40 },
      );
    });

    // A part of more keys than a set takes into its own (smallRunKeys: 4 096) stays a run of its own.
    const largePart = fc
      .tuple(fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 300 }), fc.nat({ max: 50_000 }))
      .map(([keys, from]) => [...keys, ...Array.from({ length: 4100 }, (_, k) => from + 1 + 3 * k)]);

    it('takes small parts (a folder of small files) into its own keys, among large ones, and counts like a Set', () => {
      fc.assert(
        fc.property(
          fc.constantFrom<1 | 2>(1, 2),
          fc.array(fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 200 }), {
            minLength: 100,
            maxLength: 700,
          }),
          fc.array(largePart, { maxLength: 3 }),
          fc.nat(),
          (lanes, small, large, at) => {
            const parts = [...small];
            parts.splice(at % (parts.length + 1), 0, ...large);
            const set = new KeySet(lanes);
            const reference = new Set<number>();
            addParts(set, parts, reference);
            expectLikeSet(set, reference, 1000, 20_000);
            const totals = new KeySet(lanes);
            totals.add(70_000, 0);
            reference.add(70_000);
            totals.absorb(set);
            expectLikeSet(totals, reference, 5, 30_000);
          },
        ),
        { numRuns: 30 },
      );
    });

    for (const [what, minLength, maxLength] of [
      ['counts up to 64 runs side by side (a large file cut for many threads), like a Set', 17, 64],
      ['merges runs past the 64 it keeps loose, and still counts like a Set', 65, 90],
    ] as const) {
      it(what, () => {
        fc.assert(
          fc.property(
            fc.constantFrom<1 | 2>(1, 2),
            fc.array(largePart, {
              minLength,
              maxLength,
              // Every length up to maxLength (the default size stops at 2 * minLength + 10).
              size: 'max',
            }),
            (lanes, parts) => {
              const set = new KeySet(lanes);
              const reference = new Set<number>();
              addParts(set, parts, reference);
              expectLikeSet(set, reference, 1000, 20_000);
              // Absorbed by a set that has keys of its own (a file's sets into the totals), its runs come along.
              const totals = new KeySet(lanes);
              for (const key of [7, 70_000, 12_345]) {
                totals.add(key, 0);
                reference.add(key);
              }
              totals.absorb(set);
              expectLikeSet(totals, reference, 5, 30_000);
            },
          ),
          { numRuns: 30 },
        );
      });
    }

    it('reuses blocks it has read as merge output and still unites exactly (both lanes, arrays and blocks)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom<1 | 2>(1, 2),
          fc.array(
            fc.record({
              start: fc.integer({ min: 0, max: 1_000_000 }),
              step: fc.integer({ min: 1, max: 5 }),
              count: fc.integer({ min: 0, max: 700_000 }),
              shared: fc.boolean(),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          (lanes, parts) => {
            // Parts of several blocks each (more than 2^18 keys), so merges recycle what they have read; a part may
            // arrive as views of one buffer, which must not be written over before all of them are read.
            const set = new KeySet(lanes);
            const reference = new Uint8Array(1_000_000 + 5 * 700_000 + 1);
            const scale = lanes === 2 ? 2 ** 21 : 1;
            for (const { start, step, count, shared } of parts) {
              const keys = lanes === 1 ? new Uint32Array(count) : new Float64Array(count);
              for (let k = 0; k < count; k++) {
                keys[k] = (start + k * step) * scale;
                reference[start + k * step] = 1;
              }
              if (shared) {
                // Sorted runs straight from an array (as the kernel's lists arrive), in three pieces.
                const third = Math.floor(count / 3);
                set.addSorted(keys.subarray(0, third));
                set.addSorted(keys.subarray(third, 2 * third));
                set.addSorted(keys.subarray(2 * third));
              } else {
                const other = new KeySet(lanes);
                other.addSorted(keys);
                set.addBlocks(other.takeBlocks());
              }
            }
            const { all, range } = referenceCounts(reference, 500_000, 1_500_000);
            expect(set.size).toBe(all);
            expect(set.countBetween(500_000 * scale, 1_500_000 * scale)).toBe(range);
            const packed = set.pack();
            let at = 0;
            let wrong = 0;
            for (let k = 0; k < reference.length; k++)
              if (reference[k] && packed[at++] !== k * scale) wrong++;
            expect(wrong).toBe(0);
          },
        ),
        { numRuns: 20 },
      );
    }, 60_000);

    it('splits large sets into blocks and still counts ranges and unions exactly', () => {
      const set = new KeySet(1);
      for (let k = 0; k < 1_500_000; k++) set.add(((k * 2654435761) >>> 0) % 3_000_000);
      const other = new KeySet(1);
      for (let k = 0; k < 700_000; k++) other.add(2_000_000 + k * 3);
      const reference = new Uint8Array(4_200_000);
      for (let k = 0; k < 1_500_000; k++) reference[((k * 2654435761) >>> 0) % 3_000_000] = 1;
      for (let k = 0; k < 700_000; k++) reference[2_000_000 + k * 3] = 1;
      set.addSorted(other.pack());
      const { all, range } = referenceCounts(reference, 1_000_000, 2_500_000);
      expect(set.size).toBe(all);
      expect(set.countBetween(1_000_000, 2_500_000)).toBe(range);
      const packed = set.pack();
      let ordered = true;
      for (let k = 1; k < packed.length; k++) if (packed[k - 1]! >= packed[k]!) ordered = false;
      expect(ordered).toBe(true);
    });

    it('keeps counting past many flushes', () => {
      const set = new KeySet(1);
      for (let k = 0; k < 300_000; k++) set.add((k * 7919) % 100_003);
      expect(set.size).toBe(100_003);
    });

    it('codes keys exactly at the edges (0, 2^32 - 1, 2^53 - 1), in dense runs and across gaps of every size', () => {
      const top = { 1: 2 ** 32 - 1, 2: 2 ** 53 - 1 } as const;
      // A key below 2^53, as (lo, hi) for `add`.
      const lanesOf = (key: number) => [key % 4294967296, Math.floor(key / 4294967296)] as const;
      fc.assert(
        fc.property(
          fc.constantFrom<1 | 2>(1, 2),
          fc.array(
            fc.record({
              // Where a run starts, as a fraction of the key range (skewed to both ends), its step and length.
              at: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
              step: fc.oneof(
                fc.integer({ min: 1, max: 3 }),
                fc.integer({ min: 1, max: 70_000 }),
                fc.integer({ min: 1, max: 2 ** 40 }),
              ),
              count: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 90_000 })),
              how: fc.constantFrom('add', 'sorted', 'blocks', 'absorb', 'unmerged'),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          fc.array(
            fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
            {
              maxLength: 4,
            },
          ),
          (lanes, runs, ranges) => {
            const max = top[lanes];
            const set = new KeySet(lanes);
            const reference = new Set<number>([0, max]);
            set.add(...lanesOf(0));
            set.add(...lanesOf(max));
            for (const { at, step, count, how } of runs) {
              const start = Math.floor(at * max);
              const keys: number[] = [];
              for (let k = 0; k < count; k++) {
                const key = start + k * step;
                if (key > max) break;
                keys.push(key);
                reference.add(key);
              }
              if (how === 'add') for (const key of keys) set.add(...lanesOf(key));
              else if (how === 'sorted')
                set.addSorted(lanes === 1 ? Uint32Array.from(keys) : Float64Array.from(keys));
              else {
                const other = new KeySet(lanes);
                for (const key of keys) other.add(...lanesOf(key));
                if (how === 'blocks') set.addBlocks(other.takeBlocks());
                // Left unmerged (as a file's last part is): counting reads the runs side by side.
                else if (how === 'unmerged') set.addBlocks(other.takeBlocks(), true);
                else set.absorb(other);
              }
            }
            const sorted = [...reference].sort((x, y) => x - y);
            expect(set.size).toBe(sorted.length);
            const bounds = [
              [0, max] as const,
              ...ranges.map(
                ([x, y]) => [Math.floor(Math.min(x, y) * max), Math.floor(Math.max(x, y) * max)] as const,
              ),
            ];
            for (const [lo, hi] of bounds) {
              let within = 0;
              for (const key of sorted) if (key >= lo && key <= hi) within++;
              expect(set.countBetween(lo, hi)).toBe(within);
            }
            const visited: number[] = [];
            set.forEach((key) => {
              visited.push(key);
            });
            expect(visited.length).toBe(sorted.length);
            let wrong = 0;
            for (let k = 0; k < sorted.length; k++) if (visited[k] !== sorted[k]) wrong++;
            expect(wrong).toBe(0);
            expect(set.size).toBe(sorted.length);
          },
        ),
        { numRuns: 60 },
      );
    }, 120_000);
  },
);

describe('identifier checks without Date or allocation', () => {
  it('a PESEL key is (days since 1800-01-01) × 10 000 + serial + 1 in all five centuries', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1800-01-01T00:00:00Z'),
          max: new Date('2299-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 9999 }),
        (date, serial) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const key = identifierChecks.pesel(digitsOf(makePesel(y, m, d, serial)), 0);
          const days = Date.UTC(y, m - 1, d) / 86_400_000 - identifierChecks.daysBefore1800;
          expect(key).toBe(days * 10_000 + serial + 1);
          expect(identifierChecks.peselFacts(key)).toMatchObject({
            birthYear: y,
            birthMonth: m,
            birthDay: d,
          });
        },
      ),
    );
  });

  it('NRB mod 97 agrees with BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{26}$/), (nrb) => {
        const reference = BigInt(`${nrb.slice(2)}2521${nrb.slice(0, 2)}`) % 97n === 1n;
        expect(identifierChecks.nrb(digitsOf(nrb), 0)).toBe(reference);
      }),
    );
  });
});

describe('minors counted on a range of sorted PESEL keys', () => {
  it('turns 18 on the birthday, 29 February included', async () => {
    const file = path.join(root, 'urodziny.csv');
    const people = [
      makePesel(2008, 2, 29, 1), // 18 on 2026-03-01 (no 29 February in 2026)
      makePesel(2008, 2, 28, 2), // 18 on 2026-02-28
      makePesel(2008, 3, 1, 3), // 18 on 2026-03-01
      makePesel(2026, 2, 28, 4), // born on asOf: 0 years
      makePesel(2026, 3, 1, 5), // not born yet
    ];
    writeFileSync(file, `pesel\n${people.join('\n')}\n`);
    const minors = async (asOf: string) =>
      (await scanPaths({ paths: [file], asOf, threads: 0 })).totals.minors;
    expect(await minors('2026-02-28')).toBe(3); // 29 Feb 2008, 1 Mar 2008, 28 Feb 2026
    expect(await minors('2026-03-01')).toBe(2); // 28 Feb 2026, 1 Mar 2026 (1 Mar 2008 turns 18 that day)
  });
});

describe('parts of a large file', () => {
  it('cover the file once, none larger than an equal part, the last ones smaller so the threads end together', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4096 }),
        fc.integer({ min: 2, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 16 }),
        (from, length, perThread, threads) => {
          const size = from + length;
          const parts = perThread * threads;
          const starts = partStarts(from, size, parts, threads);
          const ends = [...starts.slice(1), size];
          const lengths = starts.map((s, k) => ends[k]! - s);
          expect(starts[0]).toBe(from);
          for (const n of lengths) expect(n).toBeGreaterThan(0);
          const even = length / parts;
          // No part larger than an equal one (a last remainder of under half a smallest part joins the one before).
          for (const n of lengths) expect(n).toBeLessThanOrEqual(even * 1.5 + 1);
          // Never many more parts than asked for: the smallest is a quarter of an equal part, or 1 MiB.
          expect(starts.length).toBeLessThanOrEqual(parts * 4 + threads * 8 + 1);
        },
      ),
    );
    // 300 MB on two threads: six equal parts asked for; the last ones shrink to a quarter.
    const size = 300 * 2 ** 20;
    const starts = partStarts(0, size, 6, 2);
    const lengths = starts.map((s, k) => (starts[k + 1] ?? size) - s);
    expect(lengths[0]).toBe(size / 6);
    expect(lengths.at(-2)).toBeLessThan(size / 6 / 3);
    expect(starts.length).toBeGreaterThan(6);
  });
});

describe('threads a scan takes by default', () => {
  it('are one per core, fewer with large files: at most eight, and three once they add up to 256 MiB', () => {
    const mib = 2 ** 20;
    const file = (size: number) => ({ path: '/a.csv', display: 'a.csv', size });
    const split = 16 * mib;
    expect(defaultThreads([file(1000), file(split - 1)], split, 16)).toBe(16);
    expect(defaultThreads([file(1000), file(split)], split, 16)).toBe(8);
    expect(defaultThreads([file(split)], split, 2)).toBe(2);
    expect(defaultThreads([file(255 * mib)], split, 16)).toBe(8);
    expect(defaultThreads([file(1024 * mib)], split, 16)).toBe(3);
    // Large files count together, small ones not at all.
    expect(defaultThreads([file(128 * mib), file(128 * mib)], split, 16)).toBe(3);
    expect(defaultThreads([file(255 * mib), ...Array(100).fill(file(split - 1))], split, 16)).toBe(8);
    // A file that cannot be read holds no keys.
    expect(defaultThreads([{ ...file(1024 * mib), unreadable: true as const }], split, 16)).toBe(16);
  });
});

describe('large files read in parts with reused buffers', () => {
  it('counts identifiers across 1 MiB read boundaries and part cuts exactly once', async () => {
    const file = path.join(root, 'duzy.csv');
    const rows = ['id;pesel;email;telefon;rachunek;uwagi'];
    let k = 0;
    let size = 0;
    while (size < 9.5 * 1024 * 1024) {
      // Rows of varying length, so identifiers land on every offset of the read boundaries.
      const row = `${k};${makePesel(1950 + (k % 60), 1 + (k % 12), 1 + (k % 28), k % 10_000)};osoba${k % 5000}@example.pl;601 ${String(k % 1000).padStart(3, '0')} 567;${'x'.repeat(k % 37)};leczenie\n`;
      rows.push(row.trimEnd());
      size += row.length;
      k++;
    }
    writeFileSync(file, `${rows.join('\n')}\n`);
    const one = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
    const parts = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 2, splitAbove: 1024 });
    expect(one.totals.records).toBe(k);
    expect(one.totals.identifiers.pesel.valid).toBe(k);
    expect(parts.totals).toEqual(one.totals);
  });

  it('joins a line longer than a read (2.5 MB) across reads, in parts as in one piece', async () => {
    const file = path.join(root, 'dluga-linia.csv');
    const pesels = Array.from({ length: 150_000 }, (_, k) =>
      makePesel(1950 + (k % 60), 1 + (k % 12), 1 + (k % 28), k % 10_000),
    );
    const short = pesels.slice(0, 2000).map((p, k) => `${k};${p};krótki wiersz`);
    // One cell of 2.5 MB: PESEL numbers among words, longer than a read and than the room kept for a line.
    const long = `2000;${pesels[2000]};"${pesels.slice(2001).join(' słowo ')}"`;
    writeFileSync(file, `id;pesel;uwagi\n${short.join('\n')}\n${long}\n${short.join('\n')}\n`);
    expect(long.length).toBeGreaterThan(2_400_000);
    const one = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
    const parts = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 2, splitAbove: 1024 });
    expect(one.totals.identifiers.pesel.valid).toBe(4000 + 148_000);
    expect(one.totals.records).toBe(4001);
    expect(parts.totals).toEqual(one.totals);
  });

  it('cuts a line too long to hold (minified JSON, 9 MB) after a separator, so no identifier is lost at the cut', async () => {
    // One line of PESEL numbers and e-mail addresses, nine in ten of its bytes inside an identifier: a cut where
    // the line stands (every 4 MiB) splits one, a cut after a separator none.
    const count = 240_000;
    const items = Array.from(
      { length: count },
      (_, k) =>
        `"${makePesel(1950 + (k % 60), 1 + (k % 12), 1 + (k % 28), Math.floor(k / 60))}","osoba${String(k).padStart(7, '0')}@example.pl"`,
    );
    const json = path.join(root, 'eksport.json');
    writeFileSync(json, `[${items.join(',')}]`);
    // The same line as text: cut into parts and read 1 MiB at a time.
    const text = path.join(root, 'eksport.txt');
    writeFileSync(text, `${items.join(',')}\n`);
    for (const file of [json, text]) {
      const one = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 0 });
      expect(one.totals.identifiers.pesel, file).toMatchObject({ valid: count, distinct: count });
      expect(one.totals.identifiers.email, file).toMatchObject({ valid: count, distinct: count });
      const parts = await scanPaths({ paths: [file], asOf: '2026-11-22', threads: 2, splitAbove: 1024 });
      expect(parts.totals, file).toEqual(one.totals);
    }
  });
});

describe('detectEncoding', () => {
  // Pieces a file's first bytes are made of: Polish text in UTF-8 and in both code pages, UTF-16's BOMs, bytes
  // that are no UTF-8 or only leniently so (an overlong form, a surrogate), and any byte at all; a sample may end
  // inside a character.
  const pieces = fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .string({ unit: fc.constantFrom(...'aąćęłńóśźżĄĆĘŁŃÓŚŹŻ;,"\n 0123456789€😀') })
        .map((t) => Buffer.from(t)),
    },
    fc.constantFrom('Świętosław;źdźbło;ąę\n').map((t) => iconv.encode(t, 'windows-1250')),
    fc.constantFrom('Świętosław;źdźbło;ąę\n').map((t) => iconv.encode(t, 'iso-8859-2')),
    fc
      .constantFrom(
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xe0, 0x80, 0x80],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xc0, 0x80],
        [0xf5],
      )
      .map((b) => Buffer.from(b)),
    fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
  );

  it('answers as the check byte by byte does, its native check first', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.nat(), (parts, cut) => {
        const whole = Buffer.concat(parts);
        const sample = whole.subarray(0, whole.length === 0 ? 0 : cut % (whole.length + 1));
        expect(detectEncoding(sample)).toBe(detectEncodingBytewise(sample));
      }),
      { numRuns: 2000 },
    );
  });
});
