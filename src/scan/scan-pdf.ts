import { ByteScanner } from './byte-scanner.ts';
import type { ScanTally } from './scan-tally.ts';
import { TextFeed } from './text-feed.ts';

/** PDF: the text layer of every page (pdf.js, legacy build for Node); a scanned image without text yields nothing. */
export async function scanPdf(options: { data: Buffer; file: string; tally: ScanTally }): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(options.data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const scanner = new ByteScanner({
      tally: options.tally,
      mode: 'text',
      encoding: 'utf8',
      countRecords: false,
      file: options.file,
    });
    const feed = new TextFeed(scanner);
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) feed.write(item.hasEOL ? `${item.str}\n` : item.str);
      }
      feed.write('\n\n');
      page.cleanup();
    }
    feed.end();
  } finally {
    await task.destroy();
  }
}
