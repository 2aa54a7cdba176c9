import type { TextScanner } from './kernel-scanner.ts';

// Bytes no identifier spans, after which a line too long to hold is cut: tab , ; [ ] { } |. (Spaces and dashes
// separate the groups of a phone, an NRB or a postal code; dots and @ are inside e-mail addresses; a `"` may be
// the first of a CSV's `""`, which the next byte tells.)
const separators = new Uint8Array(256);
for (const c of '\t,;[]{}|') separators[c.charCodeAt(0)] = 1;
/** How far back from a long line's cut a separator is looked for. */
const separatorWindow = 64 << 10;

/**
 * Where to cut a line too long to hold whole (minified JSON, a document's text without line ends), that ends at
 * `end` of `buf` and begins at `start`: after its last separator within 64 KiB before `end` (see separators), so no
 * identifier or word is cut in two; where it stands when there is none.
 */
export function longLineCut(buf: Uint8Array, start: number, end: number): number {
  for (let k = end - 1; k >= Math.max(start, end - separatorWindow); k--) {
    if (separators[buf[k]!] === 1) return k + 1;
  }
  return end;
}

/**
 * Feeds a stream of byte chunks to the scanner in pieces that end at a line end, so no identifier is split: each
 * chunk is scanned in place up to its last newline, and only its tail is copied to be joined with the next chunk's
 * first line. A line longer than `maxCarry` is cut after a separator (longLineCut): minified JSON, say.
 */
export async function scanChunks(
  chunks: AsyncIterable<Buffer | string>,
  scanner: TextScanner,
  onBytes?: (bytes: number) => void,
  maxCarry = 4 << 20,
  beforeFinish?: (scanner: TextScanner) => void,
): Promise<void> {
  let carry: Buffer | null = null;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    onBytes?.(chunk.length);
    let start = 0;
    if (carry) {
      const nl = chunk.indexOf(10);
      if (nl < 0 && carry.length + chunk.length < maxCarry) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      if (nl < 0) {
        // A line longer than maxCarry: scanned up to a separator, the rest carried on with the next chunk.
        const joined = Buffer.concat([carry, chunk]);
        const cut = longLineCut(joined, 0, joined.length);
        scanner.scan(joined, 0, cut);
        carry = cut < joined.length ? Buffer.from(joined.subarray(cut)) : null;
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
      scanner.scan(joined, 0, joined.length);
      carry = null;
      start = nl + 1;
    }
    const cut = chunk.lastIndexOf(10);
    if (cut >= start) {
      scanner.scan(chunk, start, cut + 1);
      start = cut + 1;
    }
    if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
  }
  if (carry) scanner.scan(carry, 0, carry.length);
  beforeFinish?.(scanner);
  scanner.finish();
}
