import { detectEncoding } from './detect-encoding.ts';
import { iconv } from './iconv.ts';
import { createTextScanner } from './kernel-scanner.ts';
import { scanChunks } from './scan-chunks.ts';
import type { ScanTally } from './scan-tally.ts';
import { detectTextLayout, type TextFormat, type TextLayout } from './text-layout.ts';

const headBytes = 64 * 1024;

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
export function endsLinesWithCr(sample: Buffer): boolean {
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
  while (size < headBytes) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  const first = Buffer.concat(head);
  const detected = detectEncoding(first.subarray(0, headBytes));
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
  const scanner = createTextScanner({
    tally: options.tally,
    mode: layout.mode,
    encoding,
    columns: layout.columns,
    peopleColumns: layout.peopleColumns,
    countRecords: layout.countRecords,
    file: options.file,
    ...(layout.delimiter === undefined ? {} : { delimiter: layout.delimiter }),
  });
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
  // A header's columns say what the rows hold: a table of no rows holds none of it.
  if (options.tally.records > recordsBefore) {
    options.tally.addHeader({ categories: layout.headerCategories, form: layout.headerForm });
  }
  return layout;
}
