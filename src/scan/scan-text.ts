import { detectEncoding } from './detect-encoding.ts';
import { iconv } from './iconv.ts';
import { scanChunks } from './scan-chunks.ts';
import { layoutScanner, scanSpan } from './scan-range.ts';
import type { ScanTally } from './scan-tally.ts';
import { detectTextLayout, type TextFormat, type TextLayout } from './text-layout.ts';

/** Bytes a text file's layout is read from. */
export const textHead = 64 * 1024;

async function* transcode(
  chunks: AsyncIterable<Buffer>,
  encoding: 'utf16le' | 'utf16be',
): AsyncIterable<Buffer> {
  const decoder = iconv().getDecoder(encoding);
  for await (const chunk of chunks) yield Buffer.from(decoder.write(chunk), 'utf8');
  const rest = decoder.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** Whether text ends its lines with CR alone (Excel for Mac's "CSV (Macintosh)"): carriage returns, no line feed. */
function endsLinesWithCr(sample: Buffer): boolean {
  return sample.indexOf(13) >= 0 && sample.indexOf(10) < 0;
}

/** A copy of the bytes with every CR made a line feed, for the scanners, which end lines at line feeds. */
function crToLf(bytes: Buffer): Buffer<ArrayBuffer> {
  const copy = Buffer.from(bytes);
  for (let k = copy.indexOf(13); k >= 0; k = copy.indexOf(13, k + 1)) copy[k] = 10;
  return copy;
}

async function* crToLfChunks(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  for await (const chunk of chunks) yield crToLf(chunk);
}

async function* prepend(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncIterable<Buffer> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Scans a text file from a stream of chunks: reads its layout (encoding, delimiter, header) from the first 64 KiB,
 * then scans the rest without holding more than a chunk. UTF-16 (Excel's "Unicode text") is transcoded to UTF-8.
 */
export async function scanText(options: {
  chunks: AsyncIterable<Buffer>;
  format: TextFormat;
  file: string;
  tally: ScanTally;
  onBytes?: (bytes: number) => void;
}): Promise<TextLayout> {
  const iterator = options.chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < textHead) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  const first = Buffer.concat(head);
  const detected = detectEncoding(first.subarray(0, textHead));
  let chunks: AsyncIterable<Buffer> = prepend([first], iterator);
  let sample = first;
  if (detected === 'utf16le' || detected === 'utf16be') {
    chunks = transcode(prepend([first.subarray(2)], iterator), detected);
    sample = Buffer.from(iconv().decode(first.subarray(2), detected), 'utf8');
  }
  if (endsLinesWithCr(sample)) {
    chunks = crToLfChunks(chunks);
    sample = crToLf(sample);
  }
  const encoding = detected === 'utf16le' || detected === 'utf16be' ? 'utf8' : detected;
  const layout = detectTextLayout(sample, options.format, encoding);
  const recordsBefore = options.tally.records;
  const scanner = layoutScanner(layout, options.tally, options.file);
  let skip = layout.skip;
  const skipped = (async function* () {
    for await (const c of chunks) {
      if (skip >= c.length) {
        skip -= c.length;
        continue;
      }
      yield skip > 0 ? c.subarray(skip) : c;
      skip = 0;
    }
  })();
  await scanChunks(skipped, scanner, options.onBytes);
  addHeader(layout, options.tally, recordsBefore);
  return layout;
}

/** A header's columns say what the rows hold: a table of no rows (none counted since `recordsBefore`) holds none. */
export function addHeader(layout: TextLayout, tally: ScanTally, recordsBefore: number): void {
  if (tally.records > recordsBefore) {
    tally.addHeader({ categories: layout.headerCategories, form: layout.headerForm });
  }
}

/**
 * The layout of a text file on disk from its first textHead bytes, for reading it as it lies (scanTextFile, or
 * parts of it: scanPaths); null when it must go through scanText: UTF-16, which is transcoded, or lines ended by
 * CR alone.
 */
export function layoutOnDisk(head: Buffer, format: TextFormat): TextLayout | null {
  const encoding = detectEncoding(head);
  if (encoding === 'utf16le' || encoding === 'utf16be' || endsLinesWithCr(head)) return null;
  return detectTextLayout(head, format, encoding);
}

/**
 * Scans a whole text file on disk as a part of a large one is scanned (scanSpan: read with synchronous reads
 * straight into the scan kernel), or from its head when that holds it all, rather than streamed, joined and copied
 * as scanText does: false, and nothing scanned, when it must go through scanText (see layoutOnDisk). A folder of
 * small files spent more time on the stream than on the scan.
 */
export function scanTextFile(options: {
  path: string;
  /** The file's first textHead bytes (all of a shorter file). */
  head: Buffer;
  format: TextFormat;
  file: string;
  tally: ScanTally;
  onBytes?: (bytes: number) => void;
}): boolean {
  const { head, tally, onBytes } = options;
  const layout = layoutOnDisk(head, options.format);
  if (!layout) return false;
  const recordsBefore = tally.records;
  onBytes?.(layout.skip);
  if (head.length < textHead) {
    // The head is the whole file (as it was when read): it is not read again.
    const scanner = layoutScanner(layout, tally, options.file);
    scanner.scan(head, layout.skip, head.length);
    onBytes?.(head.length - layout.skip);
    scanner.finish();
  } else {
    const span = { path: options.path, display: options.file, layout, start: layout.skip };
    // To the file's end, wherever it is now (a log may have grown since the folder was listed), as a stream reads.
    scanSpan({ ...span, end: Number.POSITIVE_INFINITY }, tally, onBytes);
  }
  addHeader(layout, tally, recordsBefore);
  return true;
}
