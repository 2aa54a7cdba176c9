import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ByteScanner, type ScanMode, type TextEncoding } from '../../src/scan/byte-scanner.ts';
import type { ColumnKind } from '../../src/scan/header-rules.ts';
import { kernelFor, type TextScanner } from '../../src/scan/kernel-scanner.ts';
import { blocksFromKernel, KeySet } from '../../src/scan/key-set.ts';
import { getKernelModule } from '../../src/scan/scan-kernel-module.ts';
import { identifierKinds, ScanTally } from '../../src/scan/scan-tally.ts';
import { makeCard, makeIdCard, makeNip, makeNrb, makePassport, makePesel } from './make-identifiers.ts';

// The WebAssembly kernel must count exactly what the JavaScript scanner counts: both read the same random inputs,
// made of the pieces the detectors look for (valid and broken identifiers, their separators and the words around
// them), fed in the same random pieces, and their tallies are compared key by key.

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digitsOf = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const spaced = (s: string, size: number, sep: string) => s.match(new RegExp(`.{1,${size}}`, 'g'))!.join(sep);

const pesel = fc
  .tuple(
    fc.integer({ min: 1800, max: 2299 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.integer({ min: 0, max: 9999 }),
  )
  .map(([y, m, d, s]) => makePesel(y, m, Math.min(d, 28 + (d % 4)), s));
const token = fc.oneof(
  { weight: 6, arbitrary: pesel },
  { weight: 2, arbitrary: pesel.map((p) => p.slice(1)) }, // Excel's dropped leading zero
  { weight: 1, arbitrary: pesel.map((p) => p.slice(2)) }, // and both zeros of a year 2000
  { weight: 2, arbitrary: digitsOf(11) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }).chain(digitsOf) },
  { weight: 2, arbitrary: digitsOf(9).map((d) => makeNip(d) ?? d) },
  { weight: 1, arbitrary: digitsOf(9).map((d) => spaced(makeNip(d) ?? d, 3, '-')) },
  { weight: 1, arbitrary: digitsOf(9).map((d) => `PL${makeNip(d) ?? d}`) },
  { weight: 2, arbitrary: digitsOf(24).map(makeNrb) },
  { weight: 2, arbitrary: digitsOf(24).map((b) => `PL${spaced(makeNrb(b), 4, ' ')}`) },
  { weight: 1, arbitrary: digitsOf(24).map((b) => `pl${spaced(makeNrb(b), 4, ' ')}`) },
  { weight: 1, arbitrary: digitsOf(24).map((b) => `pl${makeNrb(b)}`) },
  { weight: 1, arbitrary: digitsOf(24).map((b) => spaced(makeNrb(b), 4, ' ')) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('4', '51', '2221', '34', '6011', '50').map((p) => makeCard(p, 16)),
  },
  { weight: 1, arbitrary: fc.constantFrom('4', '37', '67').map((p) => spaced(makeCard(p, 15), 4, ' ')) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('50', '60', '66', '22', '12', '99', '45'), digitsOf(7))
      .map(([p, r]) => p + r),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('501', '601', '221'), digitsOf(6))
      .map(([p, r]) => spaced(p + r, 3, ' ')),
  },
  { weight: 1, arbitrary: digitsOf(9).map((d) => `+48 ${spaced(`6${d.slice(1)}`, 3, ' ')}`) },
  { weight: 1, arbitrary: digitsOf(9).map((d) => `0048${d}`) },
  { weight: 1, arbitrary: digitsOf(9).map((d) => `+48${d}`) },
  { weight: 1, arbitrary: digitsOf(7).map((d) => `(22) ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`) },
  { weight: 1, arbitrary: digitsOf(5).map((d) => `${d.slice(0, 2)}-${d.slice(2)}`) },
  {
    weight: 2,
    arbitrary: fc.tuple(upper, upper, upper, digitsOf(5)).map(([a, b, c, d]) => makeIdCard(a + b + c, d)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(upper, upper, upper, digitsOf(5))
      .map(([a, b, c, d]) => makeIdCard(a + b + c, d).replace(/^(...)/, '$1 ')),
  },
  { weight: 2, arbitrary: fc.tuple(upper, upper, digitsOf(6)).map(([a, b, d]) => makePassport(a + b, d)) },
  { weight: 1, arbitrary: fc.tuple(upper, digitsOf(2), digit).map(([l, d, x]) => `${l}${d}.${x}`) },
  { weight: 1, arbitrary: fc.tuple(upper, digitsOf(2)).map(([l, d]) => `ICD ${l}${d}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.stringMatching(/^[a-z0-9._%+-]{0,6}$/),
        fc.constantFrom('example.pl', 'x.com', 'a-b.eu', 'pl.', 'x.c0'),
      )
      .map(([u, d]) => `${u}@${d}`),
  },
  {
    // Long local parts and domains (past the kernel's 16-byte steps and the 64-byte limit), in both cases.
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9._%+-]{0,80}$/),
        fc.stringMatching(/^[A-Za-z0-9-]{1,40}(\.[A-Za-z0-9-]{1,20}){0,3}\.?[A-Za-z]{0,4}-?$/),
      )
      .map(([u, d]) => `${u}@${d}`),
  },
  { weight: 1, arbitrary: fc.integer({ min: 245, max: 260 }).map((n) => `a@${'b'.repeat(n)}.pl`) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'PESEL',
      'pesel:',
      'REGON',
      'regon ',
      'Jan',
      'Żaneta',
      'niepełnosprawność',
      'Leczenie',
      'diagnoza',
      'wyznanie',
      'skazany',
      'kryminalny',
      'lekarskie',
      'niekaralność',
      'Lewandowska',
      'ul.',
      'PL',
      'abc',
    ),
  },
  { weight: 5, arbitrary: fc.constantFrom(';', ';\n', '\n') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      ' ',
      ' ',
      ';',
      ',',
      '\t',
      '|',
      '-',
      ')',
      '(',
      '.',
      '/',
      '"',
      '\n',
      '\r\n',
      '\n\n',
      '{',
      '}',
      '[',
      ']',
      '\\',
      '\\n',
      '\\t',
      ':',
      '@',
    ),
  },
);

const columnKinds: ColumnKind[] = [
  'pesel',
  'nip',
  'regon',
  'idCard',
  'passport',
  'phone',
  'email',
  'iban',
  'card',
  'diagnosis',
  'other',
];
const scanCase = fc.record({
  tokens: fc.array(token, { maxLength: 120 }),
  mode: fc.constantFrom<Exclude<ScanMode, 'cells'>>('csv', 'csv', 'lines', 'text', 'json'),
  encoding: fc.constantFrom<TextEncoding>('utf8', 'windows-1250'),
  // A space or dash delimiter ends a digit group that would go on past it.
  delimiter: fc.constantFrom(59, 59, 59, 44, 9, 124, 32, 45),
  // Columns that steer how numbers are read come often, so the column count is exercised.
  columns: fc.array(
    fc.oneof(
      fc.constantFrom<ColumnKind>('pesel', 'regon', 'phone', 'diagnosis'),
      fc.constantFrom(...columnKinds),
    ),
    {
      maxLength: 8,
    },
  ),
  countRecords: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
  startInQuotes: fc.boolean(),
});

/** Everything a tally holds, in a comparable form. */
function summary(t: ScanTally) {
  return {
    valid: t.valid,
    peselInvalid: t.peselInvalid,
    records: t.records,
    keys: identifierKinds.map((k) => [...t.sets[k].pack()]),
    subjects: [t.subjects.idCard, t.subjects.email, t.subjects.phone].map((s) => [...s.pack()]),
    categories: [...t.categories].sort(),
    form: [...t.form].sort(),
  };
}

describe.runIf(getKernelModule())('the WebAssembly scan kernel', () => {
  it('counts exactly what the JavaScript scanner counts, on any input cut anywhere at a line end', () => {
    fc.assert(
      fc.property(scanCase, (c) => {
        const text = c.tokens.join('');
        const bytes = c.encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, c.encoding);
        // Pieces end at line ends, as scanChunks and scanRange cut them (the last one wherever the input ends).
        const ends = [...new Set(c.cuts.map((x) => bytes.indexOf(10, x % (bytes.length + 1))))]
          .filter((e) => e >= 0)
          .map((e) => e + 1)
          .sort((a, b) => a - b);
        const run = (make: (tally: ScanTally) => TextScanner) => {
          const tally = new ScanTally(false);
          const scanner = make(tally);
          scanner.inQuotes = c.startInQuotes;
          let from = 0;
          for (const e of [...ends, bytes.length]) {
            if (e > from) scanner.scan(bytes, from, e);
            from = Math.max(from, e);
          }
          const inQuotes = scanner.inQuotes;
          scanner.finish();
          return { ...summary(tally), inQuotes };
        };
        const options = (tally: ScanTally) => ({
          tally,
          mode: c.mode,
          encoding: c.encoding,
          delimiter: c.delimiter,
          columns: c.columns,
          countRecords: c.countRecords,
          file: 'x',
        });
        const reference = run((tally) => new ByteScanner(options(tally)));
        const kernel = run((tally) => kernelFor(options(tally))!);
        expect(kernel).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['two-lane keys spread over the whole range', 'iban', 0xffffffff],
    ['two-lane keys close together (the insertion pass gives up)', 'iban', 0xfffff],
    ['one-lane keys', 'pesel', 0xffffffff],
  ] as const)('sorts and codes %s as KeySet blocks, one of each', (_name, kind, loMask) => {
    const instance = new WebAssembly.Instance(getKernelModule()!, {
      env: {
        abort: () => {
          throw new Error('abort');
        },
      },
      'scan-kernel': { drain: () => {}, keyword: () => 0 },
    });
    const k = instance.exports as unknown as {
      memory: WebAssembly.Memory;
      init(...args: number[]): void;
      appendKey(list: number, lo: number, hi: number): void;
      sortList(list: number): number;
      listAt(list: number): number;
      codeList(list: number, keys: number): number;
      codedAt(): number;
    };
    k.init(0, 59, 1, 1, 2, 4, 8, 16);
    const list = identifierKinds.indexOf(kind);
    const wide = kind === 'iban';
    const expected = new Set<number>();
    let seed = 7;
    // Enough keys for several blocks (a block fills a page of 64 KiB).
    for (let i = 0; i < 150_000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const hi = wide ? (seed >>> 7) & 0x7 : 0;
      const lo = (Math.imul(seed, 2654435761) & loMask) >>> 0;
      k.appendKey(list, lo, hi + (i % 3 === 0 ? 0x200000 : 0)); // bits past 53 are dropped
      expected.add(hi * 2 ** 32 + lo);
    }
    const n = k.sortList(list);
    const sorted = [...expected].sort((a, b) => a - b);
    const keys = wide
      ? [...new BigUint64Array(k.memory.buffer, k.listAt(list), n)].map(Number)
      : new Uint32Array(k.memory.buffer, k.listAt(list), n);
    // The first key out of place (-1: none), which fails fast where a diff of 150 000 keys would not.
    const misplaced = (got: ArrayLike<number>) =>
      got.length !== sorted.length ? got.length : sorted.findIndex((key, i) => got[i] !== key);
    expect(misplaced(keys)).toBe(-1);
    const length = k.codeList(list, n); // first: it may grow the memory
    const blocks = blocksFromKernel(k.memory.buffer, k.codedAt(), length);
    expect(blocks.length).toBeGreaterThan(1);
    const set = new KeySet(wide ? 2 : 1);
    set.addBlocks(blocks);
    expect(misplaced(set.pack())).toBe(-1);
  });

  it('hands over full key lists and grows record lists without losing a key', () => {
    const rows: string[] = [];
    for (let k = 0; k < 30_000; k++)
      rows.push(`${makePesel(1950 + (k % 70), 1 + (k % 12), 1 + (k % 28), k % 10_000)} a${k}@x.pl`);
    const text = `${rows.join(' ')}\n${'601 234 567 '.repeat(5000)}\n`;
    const run = (make: (tally: ScanTally) => TextScanner) => {
      const tally = new ScanTally(false);
      const scanner = make(tally);
      scanner.scan(Buffer.from(text));
      scanner.finish();
      return summary(tally);
    };
    const options = (tally: ScanTally) => ({
      tally,
      mode: 'text' as const,
      encoding: 'utf8' as const,
      countRecords: false,
      file: 'x',
    });
    const kernel = run((tally) => {
      const scanner = kernelFor(options(tally))!;
      scanner.limitKeyLists(1000);
      return scanner;
    });
    expect(kernel.valid.pesel).toBe(30_000);
    expect(kernel).toEqual(run((tally) => new ByteScanner(options(tally))));
  });
});
