import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from './byte-scanner.ts';

export type DetectedEncoding = TextEncoding | 'utf16le' | 'utf16be';

// Letters that only one of the two Polish 8-bit code pages places at a byte: ą ś ź Ą Ś Ź. Windows-1250 (Excel's
// "CSV" on a Polish Windows) puts them at B9 9C 9F A5 8C 8F; ISO-8859-2 at B1 B6 BC A1 A6 AC, where 80–9F are
// control codes. Shared letters (ł ó ę ż ć ń) sit at the same bytes in both.
const windows1250Only = new Set([0xb9, 0x9c, 0x9f, 0xa5, 0x8c, 0x8f]);
const iso88592Only = new Set([0xb1, 0xb6, 0xbc, 0xa1, 0xa6, 0xac]);

/** The text encoding of a file from its first bytes: a BOM, valid UTF-8, or the likelier Polish code page. */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  // Most files are UTF-8: checked natively first (stricter than the check byte by byte, so its yes is that check's
  // yes too; UTF-16's BOMs are no UTF-8), as a folder of small files spent more time here than scanning.
  if (isUtf8(sample.subarray(0, completeLength(sample)))) return 'utf8';
  return detectEncodingBytewise(sample);
}

/** detectEncoding byte by byte, without the native check first (which tests hold it to). */
export function detectEncodingBytewise(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  let i = 0;
  let valid = true;
  let cp1250 = 0;
  let iso = 0;
  while (i < sample.length) {
    const c = sample[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (windows1250Only.has(c)) cp1250++;
    if (iso88592Only.has(c)) iso++;
    if (c >= 0x80 && c <= 0x9f && !windows1250Only.has(c)) cp1250++; // other Windows-1250 letters and quotes
    if (!valid) {
      i++;
      continue;
    }
    const extra = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c <= 0xdf ? 1 : -1;
    if (extra < 0 || c > 0xf4) {
      valid = false;
      i++;
      continue;
    }
    if (i + extra >= sample.length) break; // the sample ends inside a character
    for (let k = 1; k <= extra; k++) {
      if ((sample[i + k]! & 0xc0) !== 0x80) valid = false;
    }
    i += valid ? extra + 1 : 1;
  }
  if (valid) return 'utf8';
  return iso > cp1250 ? 'iso-8859-2' : 'windows-1250';
}

/**
 * The sample's length without a character it ends inside (a lead byte whose continuation bytes are cut off), which
 * the check byte by byte leaves out too.
 */
function completeLength(sample: Uint8Array): number {
  for (let p = sample.length - 1; p >= 0 && p >= sample.length - 3; p--) {
    const c = sample[p]!;
    if (c < 0x80) return sample.length;
    if (c < 0xc0) continue;
    const extra = c > 0xf4 ? -1 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : -1;
    return extra > 0 && p + extra >= sample.length ? p : sample.length;
  }
  return sample.length;
}
