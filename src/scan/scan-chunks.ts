import type { TextScanner } from './kernel-scanner.ts';

/**
 * Feeds a stream of byte chunks to the scanner in pieces that end at a line end, so no identifier is split: each
 * chunk is scanned in place up to its last newline, and only its tail is copied to be joined with the next chunk's
 * first line. A line longer than `maxCarry` is cut where it stands (an identifier across that cut may be missed;
 * such lines are binary or minified data, not records).
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
      const upTo = nl < 0 ? chunk.length : nl + 1;
      const joined = Buffer.concat([carry, chunk.subarray(0, upTo)]);
      scanner.scan(joined, 0, joined.length);
      carry = null;
      start = upTo;
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
