import { closeSync, openSync, readSync } from 'node:fs';
import { createTextScanner, KernelScanner, type TextScanner } from './kernel-scanner.ts';
import { ScanTally, type TallySnapshot } from './scan-tally.ts';
import type { TextLayout } from './text-layout.ts';

/** One part of a large text file, cut at a line end, for one worker thread. */
export type RangeTask = {
  path: string;
  display: string;
  start: number;
  end: number;
  layout: TextLayout;
  /** Whether the part begins inside a quoted CSV field (known only after the part before it). */
  startInQuotes: boolean;
  listPeople: boolean;
};

export type RangeOutcome = { tally: TallySnapshot; endsInQuotes: boolean };

export async function scanRange(task: RangeTask, onBytes?: (bytes: number) => void): Promise<RangeOutcome> {
  const tally = new ScanTally(task.listPeople);
  const { layout } = task;
  const scanner = createTextScanner({
    tally,
    mode: layout.mode,
    encoding: layout.encoding,
    columns: layout.columns,
    countRecords: layout.countRecords,
    file: task.display,
    ...(layout.delimiter === undefined ? {} : { delimiter: layout.delimiter }),
  });
  scanner.inQuotes = task.startInQuotes;
  let endsInQuotes = false;
  if (task.end > task.start) {
    if (scanner instanceof KernelScanner) readIntoKernel(task, scanner, onBytes);
    else readRange(task, scanner, onBytes);
    endsInQuotes = scanner.inQuotes;
  }
  scanner.finish();
  return { tally: tally.snapshot(), endsInQuotes };
}

// 1 MiB reads: the scanner copies each into its WebAssembly memory, which keeps the size of the largest read.
const readSize = 1 << 20;
/** Longest line joined across reads; longer ones are cut where they stand (as scanChunks does). */
const maxCarry = 4 << 20;

/**
 * Reads the part with synchronous reads into one reused buffer (a worker thread does nothing else meanwhile):
 * each read is scanned in place up to its last newline, and the unfinished line moves to the buffer's front to be
 * completed by the next read, so no chunk is allocated or concatenated.
 */
// One read buffer per thread, kept for the thread's next part: a new one per part was garbage the size of the
// buffer that resident memory kept until a collection (freed memory outside the JavaScript heap stays mapped).
let reused: Buffer | null = null;

function readRange(task: RangeTask, scanner: TextScanner, onBytes?: (bytes: number) => void): void {
  // Room for a read and an unfinished line of ordinary length; longer lines grow a buffer for this part only.
  reused ??= Buffer.allocUnsafe(readSize + (256 << 10));
  let buf = reused;
  const fd = openSync(task.path, 'r');
  try {
    let position = task.start;
    let held = 0; // bytes of an unfinished line at the front of buf
    while (position < task.end) {
      const want = Math.min(readSize, task.end - position);
      if (held + want > buf.length) {
        const bigger = Buffer.allocUnsafe(held + want);
        buf.copy(bigger, 0, 0, held);
        buf = bigger;
      }
      const got = readSync(fd, buf, held, want, position);
      if (got === 0) break;
      position += got;
      onBytes?.(got);
      const filled = held + got;
      const cut = position >= task.end ? filled : buf.lastIndexOf(10, filled - 1) + 1;
      if (cut <= 0 && filled < maxCarry) {
        held = filled;
        continue;
      }
      const upTo = cut <= 0 ? filled : cut;
      scanner.scan(buf, 0, upTo);
      held = filled - upTo;
      if (held > 0) buf.copy(buf, 0, upTo, filled);
    }
    if (held > 0) scanner.scan(buf, 0, held);
  } finally {
    closeSync(fd);
  }
}

/**
 * As readRange, reading straight into the scan kernel's input, so that no read is copied there (300 MB: 300 MB
 * fewer bytes moved).
 */
function readIntoKernel(task: RangeTask, scanner: KernelScanner, onBytes?: (bytes: number) => void): void {
  let capacity = readSize + (256 << 10);
  const fd = openSync(task.path, 'r');
  try {
    let position = task.start;
    let held = 0; // bytes of an unfinished line at the front of the input
    while (position < task.end) {
      const want = Math.min(readSize, task.end - position);
      if (held + want > capacity) {
        // A long line: the input grows, its unfinished line moved over.
        const kept = Buffer.from(scanner.input(capacity).subarray(0, held));
        capacity = held + want;
        scanner.input(capacity).set(kept, 0);
      }
      const buf = scanner.input(capacity);
      const got = readSync(fd, buf, held, want, position);
      if (got === 0) break;
      position += got;
      onBytes?.(got);
      const filled = held + got;
      const cut = position >= task.end ? filled : buf.lastIndexOf(10, filled - 1) + 1;
      if (cut <= 0 && filled < maxCarry) {
        held = filled;
        continue;
      }
      const upTo = cut <= 0 ? filled : cut;
      scanner.scanInput(upTo);
      held = filled - upTo;
      if (held > 0) scanner.input(capacity).copyWithin(0, upTo, filled);
    }
    if (held > 0) scanner.scanInput(held);
  } finally {
    closeSync(fd);
  }
}
