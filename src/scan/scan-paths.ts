import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AssessCategory } from '../domain/assess-categories.ts';
import { assessCategories } from '../domain/assess-categories.ts';
import { type DataCategory, dataCategories } from '../domain/data-categories.ts';
import { CsvQuoting } from './csv-quoting.ts';
import { type FileFormat, fileFormat } from './file-format.ts';
import { identifierChecks } from './identifier-checks.ts';
import { type ListedFile, listFiles } from './list-files.ts';
import { writePersonList } from './person-list.ts';
import { readHead } from './scan-file.ts';
import { ScanInputError } from './scan-input-error.ts';
import { type ScanLang, scanMessages } from './scan-messages.ts';
import type { RangeOutcome } from './scan-range.ts';
import {
  fileIdentifiers,
  type IdentifierCount,
  type IdentifierKind,
  identifierKinds,
  ScanTally,
} from './scan-tally.ts';
import { addHeader, layoutOnDisk, textHead } from './scan-text.ts';
import type { TextFormat, TextLayout } from './text-layout.ts';
import { WorkerPool } from './worker-pool.ts';

/** One file of the result (contract ../shared/contracts/scan.md). */
export type ScanFileResult = {
  path: string;
  format: FileFormat;
  bytes: number;
  records: number;
  error: string | null;
  identifiers: Partial<Record<IdentifierKind, IdentifierCount>>;
};

export type ScanResult = {
  asOf: string;
  files: ScanFileResult[];
  totals: {
    files: number;
    bytes: number;
    records: number;
    identifiers: Record<IdentifierKind, IdentifierCount>;
    minors: number;
    subjectsApprox: number;
    dataCategories: AssessCategory[];
    /**
     * Beyond the contract: categories of UODO's form (section 6) that the files show besides their identifiers, in
     * the form's order: from column headers (names, date of birth, address, health…) and postal codes (address).
     */
    formCategories: DataCategory[];
  };
};

export type ScanProgress = { bytesDone: number; bytesTotal: number; filesDone: number; filesTotal: number };

export type ScanOptions = {
  paths: readonly string[];
  /** The day ages are counted on (YYYY-MM-DD), for `minors`. */
  asOf: string;
  onProgress?: (progress: ScanProgress) => void;
  /** Where to write the distinct people found (CSV); nothing else is ever written. */
  listFile?: string;
  signal?: AbortSignal;
  /** Threads that scan; default: one per core, fewer with large files (defaultThreads). 0: this thread only. */
  threads?: number;
  /**
   * Whether this thread scans beside the workers (threads − 1 of them): for a command, whose thread would only wait
   * for them; never for a server, whose requests would wait for each part this thread scans.
   */
  scanHere?: boolean;
  lang?: ScanLang;
  /** Text files at least this large are cut into parts for several threads (default 16 MiB; tests lower it). */
  splitAbove?: number;
};

/**
 * Jobs handled at once (a file cut into parts, or a batch of small files): enough to keep every thread busy, few
 * enough that a folder of thousands of small files never opens more than a few at a time (the open-file limit is
 * 256 on some systems; a batch's files are read one after another).
 */
const filesInFlight = 16;

/**
 * Small files go to a thread together, up to this many or this many bytes: passing a job and its result between
 * threads cost more than scanning a file of a few rows (10 209 files of 17 rows: 2.2 s one by one, 1.7 s so).
 */
const batchFiles = 32;
const batchBytes = 2 << 20;

/** A file of the list, with its place in the result. */
type Listed = { file: ListedFile; index: number };

/** Runs `task` on each item, at most `width` at a time, in order of the items. */
async function forEachLimited<T>(
  items: readonly T[],
  width: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** Text files at least this large are cut into parts for several threads. */
const rangeThreshold = 16 * 1024 * 1024;

/** Large files adding up to this many bytes hold so many keys that a scan takes at most three threads. */
const manyKeysBytes = 256 * 1024 * 1024;

/**
 * Threads a scan takes when not told (`cores`: one per core), fewer with large files (at least `splitAbove`,
 * rangeThreshold by default), whose distinct keys fill most of what a scan holds in memory, while each thread adds
 * about 14 MB beside them (its JavaScript heap, its kernel's memory, the keys of the part it scans). Measured peaks:
 * a 1 GB export, 180 MB on two or three threads, 195 MB on four, 250 MB on eight; a 300 MB one, 186 MB on eight.
 * So at most three threads once large files add up to manyKeysBytes, at most eight with smaller ones (a folder
 * with one 20 MB log among thousands of small files keeps most cores), every core when all files are small.
 */
export function defaultThreads(files: readonly ListedFile[], splitAbove: number, cores: number): number {
  const large = files.filter((f) => !f.unreadable && f.size >= splitAbove);
  if (large.length === 0) return cores;
  const bytes = large.reduce((sum, f) => sum + f.size, 0);
  return Math.min(cores, bytes >= manyKeysBytes ? 3 : 8);
}

const splittable = new Set<FileFormat>(['csv', 'tsv', 'text', 'log', 'jsonl']);

/**
 * Distinct PESEL numbers of people under 18 on `asOf` (art. 8 RODO and motyw 38: children merit protection): born
 * after the day 18 years before `asOf` and not after `asOf`. A PESEL's key orders by birth day (see
 * identifierChecks.pesel), so this is a range of the sorted keys.
 */
function countMinors(pesels: ScanTally, asOf: string): number {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  // The last real day on or before (year, m, d): 29 February becomes the 28th in a common year.
  const dayIndex = (year: number) => {
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const utc = new Date(0);
    utc.setUTCFullYear(year, m - 1, Math.min(d, last));
    return Math.round(utc.getTime() / 86_400_000) - identifierChecks.daysBefore1800;
  };
  const adultUpTo = dayIndex(y - 18);
  const bornBy = dayIndex(y);
  if (bornBy <= adultUpTo) return 0;
  return pesels.sets.pesel.countBetween((adultUpTo + 1) * 10_000 + 1, bornBy * 10_000 + 10_000);
}

/**
 * Where the parts of a text file [from, size) start, before they are moved to line ends: `parts` equal parts, of
 * which the last shrink (guided scheduling), each at most half a thread's share of what is left and at least a
 * quarter of an equal part (1 MiB, while an equal part is larger). Parts go to whichever thread is free, so the small
 * last parts let the threads end together: with equal parts one thread scanned the last part alone while the other
 * waited (300 MB on two threads: about 0.1 s of the 0.8 s).
 */
export function partStarts(from: number, size: number, parts: number, threads: number): number[] {
  const even = (size - from) / parts;
  const smallest = Math.min(even, Math.max(even / 4, 1 << 20));
  const starts: number[] = [];
  let at = from;
  while (at < size) {
    starts.push(at);
    const left = size - at;
    const part = Math.max(1, Math.floor(Math.min(even, Math.max(left / (2 * threads), smallest))));
    // A remainder under half the smallest part goes with this one.
    at = left - part < smallest / 2 ? size : at + part;
  }
  return starts;
}

/**
 * Whether the line from `from` of `view` reads as one whole CSV record of `columns` cells: `columns - 1` delimiters
 * outside quotes before a line end outside quotes (read as the scanners read CSV quoting: CsvQuoting). A line
 * inside a quoted field with line breaks rarely does: its quotes are read the wrong way round. Null when the view
 * ends before such a line end.
 */
function readsAsRecord(view: Buffer, from: number, delimiter: number, columns: number): boolean | null {
  const quoting = new CsvQuoting(delimiter);
  if (quoting.recordEnd(view, from, view.length) < 0) return null;
  return quoting.delimiters === columns - 1;
}

/** Line ends looked at for a record's start after each cut point (see cutPoints). */
const recordStartTries = 64;

/**
 * Cut points of a text file at line ends (a blank line for prose, so paragraphs stay whole where possible). In a
 * CSV file with a header, a line end followed by a line that reads as a whole record is taken rather than the
 * first one, so a cut rarely falls inside a quoted field with line breaks (which costs the part after it a second
 * scan: see scanRange).
 */
function cutPoints(path: string, starts: number[], size: number, layout: TextLayout): number[] {
  const points = [starts[0]!];
  const prose = layout.mode === 'text';
  const { delimiter, columns } = layout;
  const records = layout.mode === 'csv' && delimiter !== undefined && columns.length >= 2;
  const window = Buffer.allocUnsafe(1 << 20);
  // Where the part from `at` starts, read off `bytes` of the file there: null when nowhere, undefined when a larger
  // window might tell otherwise (a window of the largest size, or that holds the file's end, decides).
  const pointIn = (fd: number, at: number, bytes: number): number | null | undefined => {
    const got = readSync(fd, window, 0, bytes, at);
    const view = window.subarray(0, got);
    const decides = got < bytes || bytes === window.length;
    const blank = prose ? view.indexOf('\n\n') : -1;
    if (prose && blank < 0 && !decides) return undefined;
    const nl = blank >= 0 ? blank + 1 : view.indexOf(10);
    if (nl < 0) return decides ? null : undefined;
    if (records) {
      for (let next = nl, tries = 0; tries < recordStartTries; tries++) {
        const record = readsAsRecord(view, next + 1, delimiter, columns.length);
        // The record after `next` may go on past the window.
        if (record === null && !decides) return undefined;
        if (record) return at + next + 1;
        next = view.indexOf(10, next + 1);
        if (next < 0) break;
      }
    }
    return at + nl + 1;
  };
  const fd = openSync(path, 'r');
  try {
    for (const at of starts.slice(1)) {
      // 64 KiB holds a cut but after long lines (read synchronously: this thread has nothing else to do).
      const point = pointIn(fd, at, 64 << 10) ?? pointIn(fd, at, window.length);
      if (point != null && point > points[points.length - 1]! && point < size) points.push(point);
    }
  } finally {
    closeSync(fd);
  }
  points.push(size);
  return points;
}

/**
 * Scans files, folders and archives for personal data and returns the `scan` contract's result. This is the
 * library API behind `incydent scan` (and, later, the server's background scan of uploaded files).
 */
export async function scanPaths(options: ScanOptions): Promise<ScanResult> {
  const lang = options.lang ?? 'pl';
  const text = scanMessages[lang];
  // A real day: Date.parse would take 2026-02-30 for 2 March.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(options.asOf) ? new Date(`${options.asOf}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== options.asOf) {
    throw new ScanInputError(lang, (t) => t.badAsOf(options.asOf));
  }
  if (options.paths.length === 0) throw new ScanInputError(lang, (t) => t.noPaths);
  const files = listFiles(options.paths, (p) => new ScanInputError(lang, (t) => t.noSuchPath(p)));
  const listPeople = options.listFile !== undefined;
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  const progress: ScanProgress = { bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: files.length };
  const onBytes = (bytes: number) => {
    progress.bytesDone += bytes;
    options.onProgress?.({ ...progress });
  };
  const splitAbove = options.splitAbove ?? rangeThreshold;
  const threads = options.threads ?? defaultThreads(files, splitAbove, availableParallelism());
  const here = options.scanHere === true && threads > 0;
  const pool = new WorkerPool(files.length === 0 ? 0 : here ? threads - 1 : threads, here);
  const abort = () => void pool.close();
  options.signal?.addEventListener('abort', abort);

  const totals = new ScanTally(listPeople);
  const results: ScanFileResult[][] = files.map(() => []);

  // A file that cannot be read (its permissions, or gone since the folder was listed) is listed with that error, and
  // the scan goes on; a part of a large file is a job of the pool like any other.
  const unreadable = (file: ListedFile, index: number) => {
    results[index] = [
      {
        path: file.display,
        format: 'unknown',
        bytes: file.size,
        records: 0,
        error: text.fileError.unreadable,
        identifiers: {},
      },
    ];
    progress.filesDone++;
  };
  // Files too small to cut go whole, several to a job; larger ones one by one, cut into parts if they are text.
  const work: { listed: Listed[]; large: boolean }[] = [];
  let batch: Listed[] = [];
  let batchSize = 0;
  files.forEach((file, index) => {
    if (file.unreadable) unreadable(file, index);
    else if (file.size >= splitAbove && threads > 0) work.push({ listed: [{ file, index }], large: true });
    else {
      if (batch.length === batchFiles || batchSize + file.size > batchBytes) {
        if (batch.length > 0) work.push({ listed: batch, large: false });
        batch = [];
        batchSize = 0;
      }
      batch.push({ file, index });
      batchSize += file.size;
    }
  });
  if (batch.length > 0) work.push({ listed: batch, large: false });
  // A job that fails with a file system's error (EIO, a file gone) or a worker's (out of memory) leaves its file
  // unreadable and the scan goes on; a batch that fails so is scanned again file by file, so that one file's
  // failure costs the others nothing.
  const orUnreadable = async (listed: Listed[], run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      if (options.signal?.aborted || (error as NodeJS.ErrnoException | null)?.code === undefined) throw error;
      if (listed.length === 1) unreadable(listed[0]!.file, listed[0]!.index);
      else for (const one of listed) await orUnreadable([one], () => scanWhole([one]));
    }
  };
  try {
    await forEachLimited(work, filesInFlight, async ({ listed, large }) => {
      options.signal?.throwIfAborted();
      await orUnreadable(listed, () => (large ? scanLarge(listed[0]!) : scanWhole(listed)));
    });
    options.signal?.throwIfAborted();
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pool.close();
  }
  /** Files scanned whole, one job: their format is read where they are scanned. */
  async function scanWhole(listed: Listed[]): Promise<void> {
    const r = await pool.run({ kind: 'files', files: listed.map(({ file }) => file), listPeople }, onBytes);
    if (r.kind !== 'files') throw new Error('unexpected job result');
    listed.forEach(({ index }, k) => {
      results[index] = r.files[k]!.map((f) => ({ ...f, error: f.error ? text.fileError[f.error] : null }));
    });
    totals.merge(r.tally);
    progress.filesDone += listed.length;
  }
  async function scanLarge(listed: Listed): Promise<void> {
    const { file, index } = listed;
    const whole = () => scanWhole([listed]);
    const head = readHead(file.path, textHead);
    const format = fileFormat(file.display, head);
    if (!splittable.has(format)) return whole();
    // UTF-16 is transcoded, and lines ended by CR alone are made LF ones, on the way through one thread.
    const layout = layoutOnDisk(head, format as TextFormat);
    if (!layout) return whole();
    // One part per thread for each 128 MiB, at most eight per thread: a worker holds the distinct keys of its part
    // until it ends, so smaller parts lower the peak (a 1 GB export: 338 MB resident in four parts, 302 MB in
    // sixteen, equally fast), while every part becomes a run of the file's key sets on this thread (up to 64 are
    // counted side by side, more are merged: see looseRuns in key-set.ts), which the cap keeps from growing with
    // the file's size. (Parts of 64 MiB lowered a 1 GB scan's peak by about 10 MB more, the scan kernel's key lists
    // growing with the part, but cost about 6 % more processor time in merges.)
    const parts = Math.min(Math.ceil(file.size / (128 * 1024 * 1024)), 8) * threads;
    const points = cutPoints(
      file.path,
      partStarts(layout.skip, file.size, parts, threads),
      file.size,
      layout,
    );
    // The header (and byte order mark) before the first part is read already: done, for the progress to end at
    // the file's size.
    if (layout.skip > 0) onBytes(layout.skip);
    type Bounds = { start: number; end: number };
    const runRange = async (span: Bounds, report: (b: number) => void) => {
      const task = { path: file.path, display: file.display, layout, listPeople, ...span };
      const r = await pool.run({ kind: 'range', task }, report);
      if (r.kind !== 'range') throw new Error('unexpected job result');
      return r.outcome;
    };
    const spans: Bounds[] = points.slice(0, -1).map((start, k) => ({ start, end: points[k + 1]! }));
    const pending: (Promise<RangeOutcome> | null)[] = spans.map((span) => runRange(span, onBytes));
    // A later part may fail while an earlier one is awaited: mark it handled now; it is awaited (and throws) in turn.
    for (const p of pending) p?.catch(() => {});
    // Parts are merged in order as they arrive and then dropped, so their key arrays are not all held at once.
    // A part that ended inside a quoted field (a line break within a CSV cell) read on to its record's end
    // (scanRange): the next part is scanned again from there, or left out when that record ran past it.
    const fileTally = new ScanTally(listPeople);
    let resume = 0;
    for (let k = 0; k < pending.length; k++) {
      let outcome: RangeOutcome | null = await pending[k]!;
      pending[k] = null;
      const span = spans[k]!;
      if (resume > span.start) {
        outcome = resume < span.end ? await runRange({ start: resume, end: span.end }, () => {}) : null;
      }
      if (!outcome) continue;
      resume = outcome.end;
      // The last part is left unmerged: counting the file's keys next reads it as it is, where merging it first
      // could merge the largest runs once more after the scan (a quarter of a second on 1 GB).
      fileTally.merge(outcome.tally, k === pending.length - 1);
    }
    // The distinct keys are counted now, some of the sets on a worker with nothing left to scan.
    await fileTally.count((sets) => pool.countElsewhere(sets));
    addHeader(layout, fileTally, 0);
    results[index]!.push({
      path: file.display,
      format,
      bytes: file.size,
      records: fileTally.records,
      error: null,
      identifiers: fileIdentifiers(fileTally, (k) => fileTally.distinct(k)),
    });
    totals.absorb(fileTally);
    progress.filesDone++;
  }

  const fileResults = results.flat();
  const identifiers = {} as Record<IdentifierKind, IdentifierCount>;
  for (const kind of identifierKinds) {
    identifiers[kind] = { valid: totals.valid[kind], distinct: totals.distinct(kind) };
    if (kind === 'pesel') identifiers[kind].invalid = totals.peselInvalid;
  }
  const result: ScanResult = {
    asOf: options.asOf,
    files: fileResults,
    totals: {
      files: fileResults.length,
      bytes: bytesTotal,
      records: totals.records,
      identifiers,
      minors: countMinors(totals, options.asOf),
      subjectsApprox: totals.subjectCount(),
      dataCategories: assessCategories.filter((c) => totals.categories.has(c)),
      // Health words and ICD-10 codes are health data in the form too (the one category they name).
      formCategories: dataCategories.filter(
        (c) => totals.form.has(c) || (c === 'health' && totals.categories.has('health')),
      ),
    },
  };
  const { listFile } = options;
  if (listFile !== undefined && totals.people) {
    try {
      await writePersonList(listFile, [...totals.people.values()], options.asOf);
    } catch {
      throw new ScanInputError(lang, (t) => t.listUnwritable(listFile));
    }
  }
  return result;
}
