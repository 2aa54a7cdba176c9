import { closeSync, openSync, readSync } from 'node:fs';
import { CsvQuoting } from './csv-quoting.ts';
import { createTextScanner, KernelScanner, type TextScanner } from './kernel-scanner.ts';
import { longLineCut } from './scan-chunks.ts';
import { ScanTally, type TallySnapshot } from './scan-tally.ts';
import type { TextLayout } from './text-layout.ts';

/** One part of a large text file, cut at a line end, for one worker thread. */
export type RangeTask = {
  path: string;
  display: string;
  start: number;
  end: number;
  layout: TextLayout;
  listPeople: boolean;
};

export type RangeOutcome = {
  tally: TallySnapshot;
  /**
   * Where the part's reading ended: its end, or past it when the part ended inside a quoted CSV field (a line break
   * within a cell): it reads on to the end of that record, so no record is counted in two halves (scanPaths then
   * scans the next part from here).
   */
  end: number;
};

export function scanRange(task: RangeTask, onBytes?: (bytes: number) => void): RangeOutcome {
  const tally = new ScanTally(task.listPeople);
  const end = scanSpan(task, tally, onBytes);
  return { tally: tally.snapshot(), end };
}

/** Where in a file on disk a scan reads, and how the file is laid out. */
export type Span = Pick<RangeTask, 'path' | 'display' | 'start' | 'end' | 'layout'>;

/** The scanner of a text file laid out as `layout`, counting into `tally`. */
export function layoutScanner(layout: TextLayout, tally: ScanTally, file: string): TextScanner {
  return createTextScanner({
    tally,
    mode: layout.mode,
    encoding: layout.encoding,
    columns: layout.columns,
    peopleColumns: layout.peopleColumns,
    countRecords: layout.countRecords,
    file,
    ...(layout.delimiter === undefined ? {} : { delimiter: layout.delimiter }),
  });
}

/**
 * Scans [start, end) of a file on disk into `tally` (an `end` past the file's end reads to its end), and returns
 * where the reading ended (see RangeOutcome.end).
 */
export function scanSpan(span: Span, tally: ScanTally, onBytes?: (bytes: number) => void): number {
  const scanner = layoutScanner(span.layout, tally, span.display);
  let end = span.end;
  if (span.end > span.start) {
    const target = scanner instanceof KernelScanner ? kernelTarget(scanner) : bufferTarget(scanner);
    end = readRange(span, target, onBytes, () => scanner.inQuotes);
  }
  scanner.finish();
  return end;
}

// 1 MiB reads, into the scan kernel's memory (or a buffer the scanner copies from), which keeps the largest one.
const readSize = 1 << 20;
/** Longest line joined across reads; longer ones are cut after a separator (longLineCut, as scanChunks does). */
const maxCarry = 4 << 20;

/** Where a part's reads go and how they are scanned (see bufferTarget and kernelTarget). */
type ReadTarget = {
  /** A buffer of at least `bytes`, its first `keep` bytes those of the buffer given before. */
  buffer(bytes: number, keep: number): Buffer;
  /** Scans [0, length) of the buffer given last. */
  scan(length: number): void;
};

// One read buffer per thread, kept for the thread's next part: a new one per part was garbage the size of the
// buffer that resident memory kept until a collection (freed memory outside the JavaScript heap stays mapped).
let reused: Buffer | null = null;

/** Reads into the thread's reused buffer, which any scanner scans (copying it where it needs it). */
function bufferTarget(scanner: TextScanner): ReadTarget {
  // Room for a read and an unfinished line of ordinary length; longer lines grow a buffer for this part only.
  reused ??= Buffer.allocUnsafe(readSize + (256 << 10));
  let buf = reused;
  return {
    buffer(bytes, keep) {
      if (bytes > buf.length) {
        const bigger = Buffer.allocUnsafe(bytes);
        buf.copy(bigger, 0, 0, keep);
        buf = bigger;
      }
      return buf;
    },
    scan(length) {
      scanner.scan(buf, 0, length);
    },
  };
}

/** Reads straight into the scan kernel's input, so that no read is copied there (300 MB: 300 MB fewer moved). */
function kernelTarget(scanner: KernelScanner): ReadTarget {
  let capacity = readSize + (256 << 10);
  return {
    buffer(bytes, keep) {
      if (bytes > capacity) {
        // A long line: the input grows, its unfinished line moved over.
        const kept = Buffer.from(scanner.input(capacity).subarray(0, keep));
        capacity = bytes;
        scanner.input(capacity).set(kept, 0);
      }
      // Asked for afresh every time: a scan may have moved the kernel's memory.
      return scanner.input(capacity);
    },
    scan(length) {
      scanner.scanInput(length);
    },
  };
}

/**
 * Reads the part with synchronous reads (a worker thread does nothing else meanwhile, nor does the command's main
 * thread when it scans a part: see WorkerPool): each read is scanned in place up to its last newline, and the
 * unfinished line moves to the buffer's front to be completed by the next read, so no chunk is allocated or
 * concatenated. A part that ends inside a quoted field reads on to its record's end (endOfQuotedRecord); the bytes
 * past the part are not reported to `onBytes` (the next part reports them). Returns where the reading ended.
 */
function readRange(
  task: Span,
  target: ReadTarget,
  onBytes: ((bytes: number) => void) | undefined,
  inQuotes: () => boolean,
): number {
  const fd = openSync(task.path, 'r');
  try {
    let position = task.start;
    let held = 0; // bytes of an unfinished line at the front of the buffer
    let limit = task.end;
    for (;;) {
      while (position < limit) {
        const want = Math.min(readSize, limit - position);
        const buf = target.buffer(held + want, held);
        const got = readSync(fd, buf, held, want, position);
        if (got === 0) break;
        position += got;
        if (position <= task.end) onBytes?.(got);
        const filled = held + got;
        const cut = position >= limit ? filled : buf.lastIndexOf(10, filled - 1) + 1;
        if (cut <= 0 && filled < maxCarry) {
          held = filled;
          continue;
        }
        const upTo = cut <= 0 ? longLineCut(buf, 0, filled) : cut;
        target.scan(upTo);
        held = filled - upTo;
        if (held > 0) target.buffer(filled, filled).copyWithin(0, upTo, filled);
      }
      if (held > 0) {
        target.scan(held);
        held = 0;
      }
      if (!inQuotes()) return position;
      const recordEnd = endOfQuotedRecord(fd, position, task.layout.delimiter ?? -1);
      if (recordEnd <= position) return position;
      limit = recordEnd;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the record that is inside a quoted field at `from` (a line start) ends: after its first line end outside
 * quotes, read as the scanners read CSV quoting (CsvQuoting). The end of the file if none.
 */
function endOfQuotedRecord(fd: number, from: number, delimiter: number): number {
  const buf = Buffer.allocUnsafe(64 << 10);
  const quoting = new CsvQuoting(delimiter, true);
  let at = from;
  for (;;) {
    const got = readSync(fd, buf, 0, buf.length, at);
    if (got === 0) return at;
    const end = quoting.recordEnd(buf, 0, got);
    if (end >= 0) return at + end;
    at += got;
  }
}
