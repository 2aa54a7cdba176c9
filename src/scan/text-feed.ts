import type { ByteScanner } from './byte-scanner.ts';

/** Collects text pushed by a parser (DOCX, ODT, PDF, e-mail) and hands it to the scanner in pieces ending at a line end. */
export class TextFeed {
  private pending = '';

  constructor(private readonly scanner: ByteScanner) {}

  write(text: string): void {
    this.pending += text;
    if (this.pending.length < 64 * 1024) return;
    const cut = this.pending.lastIndexOf('\n');
    if (cut < 0) return;
    const buf = Buffer.from(this.pending.slice(0, cut + 1), 'utf8');
    this.pending = this.pending.slice(cut + 1);
    this.scanner.scan(buf);
  }

  end(): void {
    if (this.pending) this.scanner.scan(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
    this.scanner.finish();
  }
}
