/**
 * CSV quoting as the scanners read it (src/scan/byte-scanner.ts, assembly/scan-kernel.ts): RFC 4180, leniently. A
 * `"` opens quotes only where a field begins (after the delimiter or a line end); inside quotes `""` is a quote and
 * another `"` ends them; a `"` anywhere else is text (a 27" screen). Fed a file piece by piece, it finds where a
 * record ends: the first line end outside quotes.
 */
export class CsvQuoting {
  private quoted: boolean;
  /** A `"` inside quotes, as the last byte fed: the next byte tells whether it was `""` or the end of the quotes. */
  private pending = false;
  private previous = 10;
  /** Delimiters outside quotes since the record began. */
  delimiters = 0;

  constructor(
    private readonly delimiter: number,
    quoted = false,
  ) {
    this.quoted = quoted;
  }

  /** Reads buf[from, to): the index after the first line end outside quotes, or -1 when the piece ends first. */
  recordEnd(buf: Uint8Array, from: number, to: number): number {
    for (let k = from; k < to; k++) {
      const c = buf[k]!;
      if (this.pending) {
        this.pending = false;
        if (c === 34) {
          this.previous = c;
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (c === 34) this.pending = true;
      } else if (c === 34) {
        if (this.previous === 10 || this.previous === this.delimiter) this.quoted = true;
      } else if (c === this.delimiter) this.delimiters++;
      else if (c === 10) {
        this.previous = c;
        return k + 1;
      }
      this.previous = c;
    }
    return -1;
  }
}
