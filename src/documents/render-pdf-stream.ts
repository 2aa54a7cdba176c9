/**
 * Many documents (thousands of personalised letters) into one PDF, each starting on a new page with its own
 * "strona X z Y". pdfmake lays out the whole file in memory before writing (measured: about 0.3 GB per 1,000
 * one-page letters), so this renderer drives pdfkit, on which pdfmake is built, directly: each letter's pages are
 * written to the output stream as soon as the letter is finished, and memory stays flat. Same fonts, margins,
 * header and footer as render-pdf.ts, so a single letter looks alike either way.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { type Block, cellText, type DocumentModel } from '../domain/documents/document-model.ts';
import { pdfColours, robotoFiles } from './pdf-fonts.ts';

type Pdf = InstanceType<typeof PDFDocument>;

const margins = { top: 56, bottom: 50, left: 50, right: 50 };
const headingSizes = { 1: 15, 2: 11.5, 3: 10.5 } as const;
const lineGap = 2;

function paragraph(
  pdf: Pdf,
  text: string,
  options: { size?: number; font?: string; colour?: string; align?: 'left' | 'right'; after?: number },
): void {
  pdf
    .font(options.font ?? 'regular')
    .fontSize(options.size ?? 10)
    .fillColor(options.colour ?? pdfColours.text)
    .text(text, margins.left, pdf.y, {
      width: pdf.page.width - margins.left - margins.right,
      align: options.align ?? 'left',
      lineGap,
    });
  pdf.y += options.after ?? 5;
}

function drawBlock(pdf: Pdf, block: Block, document: DocumentModel): void {
  const width = pdf.page.width - margins.left - margins.right;
  switch (block.kind) {
    case 'heading':
      if (block.level > 1) pdf.y += 8;
      paragraph(pdf, block.text, { size: headingSizes[block.level], font: 'bold', after: 3 });
      return;
    case 'paragraph':
      paragraph(pdf, block.text, {
        align: block.align ?? 'left',
        ...(block.tone === 'muted' ? { colour: pdfColours.muted, size: 8.5 } : {}),
        ...(block.tone === 'strong' ? { font: 'bold' } : {}),
      });
      return;
    case 'bullets':
      pdf.font('regular').fontSize(10).fillColor(pdfColours.text);
      pdf.list([...block.items], margins.left + 6, pdf.y, {
        width: width - 6,
        bulletRadius: 1.8,
        textIndent: 10,
        lineGap,
      });
      pdf.y += 5;
      return;
    case 'fields':
      for (const field of block.fields) {
        const top = pdf.y;
        pdf.font('regular').fontSize(8.5).fillColor(pdfColours.muted);
        const labelHeight = pdf.heightOfString(field.label, { width: width * 0.36 });
        pdf.font('regular').fontSize(10);
        const valueHeight = pdf.heightOfString(field.value, { width: width * 0.62 });
        if (top + Math.max(labelHeight, valueHeight) > pdf.page.height - margins.bottom) pdf.addPage();
        const y = pdf.y;
        pdf
          .font('regular')
          .fontSize(8.5)
          .fillColor(pdfColours.muted)
          .text(field.label, margins.left, y, { width: width * 0.36 });
        pdf
          .font('regular')
          .fontSize(10)
          .fillColor(pdfColours.text)
          .text(field.value, margins.left + width * 0.38, y, { width: width * 0.62 });
        pdf.y = y + Math.max(labelHeight, valueHeight) + 4;
      }
      pdf.y += 4;
      return;
    case 'table': {
      const total = block.columns.reduce((sum, column) => sum + column.width, 0);
      const widths = block.columns.map((column) => (column.width / total) * width);
      const rows = [
        block.columns.map((c) => c.header),
        ...block.rows.map((row) => row.map((cell) => cellText(cell, document.lang))),
      ];
      rows.forEach((row, index) => {
        pdf
          .font(index === 0 ? 'bold' : 'regular')
          .fontSize(8.5)
          .fillColor(pdfColours.text);
        const height =
          Math.max(...row.map((value, i) => pdf.heightOfString(value, { width: (widths[i] ?? 0) - 4 }))) + 4;
        if (pdf.y + height > pdf.page.height - margins.bottom) pdf.addPage();
        const y = pdf.y;
        let x = margins.left;
        row.forEach((value, i) => {
          pdf.text(value, x + 2, y + 2, { width: (widths[i] ?? 0) - 4 });
          x += widths[i] ?? 0;
        });
        pdf
          .moveTo(margins.left, y + height)
          .lineTo(margins.left + width, y + height)
          .lineWidth(0.5)
          .strokeColor(pdfColours.rule)
          .stroke();
        pdf.y = y + height;
      });
      pdf.y += 8;
      return;
    }
    case 'address':
      pdf.y += 12;
      pdf
        .font('regular')
        .fontSize(10.5)
        .fillColor(pdfColours.text)
        .text(block.lines.join('\n'), margins.left + 270, pdf.y, {
          width: width - 270,
          lineGap,
        });
      pdf.y += 22;
      return;
    case 'signatures': {
      pdf.y += 36;
      if (pdf.y + 30 > pdf.page.height - margins.bottom) pdf.addPage();
      const y = pdf.y;
      const each = width / block.captions.length;
      block.captions.forEach((caption, i) => {
        const x = margins.left + i * each;
        pdf
          .font('regular')
          .fontSize(10)
          .fillColor(pdfColours.text)
          .text('…………………………………………', x, y, { width: each, align: 'center' });
        pdf.fontSize(8).fillColor(pdfColours.muted).text(caption, x, pdf.y, { width: each, align: 'center' });
      });
      return;
    }
    case 'page-break':
      pdf.addPage();
      return;
  }
}

/** Header and footer on each page of one document, written once its page count is known. */
function decoratePages(pdf: Pdf, document: DocumentModel, first: number, count: number): void {
  for (let index = 0; index < count; index++) {
    pdf.switchToPage(first + index);
    // Writing into the margins must not make pdfkit add a page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const width = pdf.page.width - margins.left - margins.right;
    pdf
      .font('bold')
      .fontSize(8)
      .fillColor(pdfColours.text)
      .text(document.organisation, margins.left, 24, { width: width / 2, lineBreak: false });
    pdf
      .font('regular')
      .fillColor(pdfColours.muted)
      .text(document.title, margins.left + width / 2, 24, {
        width: width / 2,
        align: 'right',
        lineBreak: false,
      });
    const y = pdf.page.height - 34;
    pdf.text(`${document.reference} · ${document.footer}`, margins.left, y, {
      width: width * 0.8,
      lineBreak: false,
    });
    const pageText = document.pageLabel
      .replace('{page}', String(index + 1))
      .replace('{pages}', String(count));
    pdf.text(pageText, margins.left + width * 0.8, y, {
      width: width * 0.2,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * Writes the documents to `output`, one after another, each from a new page. Accepts any iterable, so a caller can
 * build letters lazily and never hold them all.
 */
export async function renderPdfStream(documents: Iterable<DocumentModel>, output: Writable): Promise<void> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins,
    autoFirstPage: false,
    bufferPages: true,
    info: { Producer: 'incydent', Creator: 'incydent' },
  });
  pdf.registerFont('regular', robotoFiles.normal);
  pdf.registerFont('bold', robotoFiles.bold);
  const finished = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
    pdf.on('error', reject);
  });
  pdf.pipe(output);
  let count = 0;
  let infoSet = false;
  for (const document of documents) {
    if (!infoSet) {
      pdf.info.Title = document.title;
      pdf.info.Author = document.organisation;
      pdf.info.CreationDate = document.documentDate;
      infoSet = true;
    }
    const first = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count;
    pdf.addPage({ layout: document.orientation, margins, size: 'A4' });
    for (const block of document.blocks) drawBlock(pdf, block, document);
    const range = pdf.bufferedPageRange();
    decoratePages(pdf, document, first, range.start + range.count - first);
    pdf.flushPages();
    count++;
    // Honour back-pressure: pdfkit pushes bytes regardless, so wait while the output is full, and yield now and
    // then so the file system can catch up. Otherwise the whole file piles up in memory.
    if (output.writableNeedDrain) await once(output, 'drain');
    else if (count % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  pdf.end();
  await finished;
}

/** The same, collected in memory: for one letter or a test. */
export async function renderPdfStreamToBuffer(documents: Iterable<DocumentModel>): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderPdfStream(documents, sink);
  return Buffer.concat(chunks);
}
