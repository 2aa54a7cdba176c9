/**
 * A document as a PDF, with pdfmake (A4, the organisation in the header, "strona X z Y", the document's date and
 * version in the footer, Roboto with Polish letters). Every document kind goes through here; many letters in one
 * file go through render-pdf-stream.ts, which keeps memory flat.
 */
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { type Block, cellText, type DocumentModel } from '../domain/documents/document-model.ts';
import { isFontFile, pdfColours, robotoFiles } from './pdf-fonts.ts';

pdfmake.setFonts({ Roboto: robotoFiles });
// A document never fetches anything: no URL, and no local file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(isFontFile);

const headingSizes = { 1: 15, 2: 11.5, 3: 10.5 } as const;

function blockContent(block: Block, document: DocumentModel): Content {
  const wide = document.orientation === 'landscape';
  switch (block.kind) {
    case 'heading':
      return {
        text: block.text,
        fontSize: headingSizes[block.level],
        bold: true,
        margin: [0, block.level === 1 ? 0 : 10, 0, 4],
        headlineLevel: block.level,
      };
    case 'paragraph':
      return {
        text: block.text,
        margin: [0, 0, 0, 5],
        alignment: block.align ?? 'left',
        ...(block.tone === 'muted' ? { color: pdfColours.muted, fontSize: 8.5 } : {}),
        ...(block.tone === 'strong' ? { bold: true } : {}),
      };
    case 'fields':
      return {
        table: {
          widths: ['38%', '*'],
          body: block.fields.map((field) => [
            { text: field.label, color: pdfColours.muted, fontSize: 8.5 },
            { text: field.value },
          ]),
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 6],
      };
    case 'bullets':
      return { ul: [...block.items], margin: [6, 0, 0, 6] };
    case 'table': {
      const total = block.columns.reduce((sum, column) => sum + column.width, 0);
      const header: TableCell[] = block.columns.map((column) => ({
        text: column.header,
        bold: true,
        fillColor: pdfColours.headerFill,
      }));
      const body: TableCell[][] = block.rows.map((row) =>
        row.map((cell) => ({ text: cellText(cell, document.lang) })),
      );
      return {
        table: {
          headerRows: 1,
          dontBreakRows: !wide,
          widths: block.columns.map((column) => `${((column.width / total) * 100).toFixed(2)}%`),
          body: [header, ...body],
        },
        fontSize: wide ? 6.5 : 9,
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => pdfColours.rule,
          vLineColor: () => pdfColours.rule,
        },
        margin: [0, 0, 0, 8],
      };
    }
    case 'address':
      return { text: block.lines.join('\n'), margin: [270, 12, 0, 22], fontSize: 10.5 };
    case 'signatures':
      return {
        columns: block.captions.map((caption) => ({
          stack: [
            { text: '…………………………………………', alignment: 'center' },
            { text: caption, alignment: 'center', fontSize: 8, color: pdfColours.muted },
          ],
        })),
        margin: [0, 36, 0, 0],
        unbreakable: true,
      };
    case 'page-break':
      return { text: '', pageBreak: 'after' };
  }
}

export function pdfDefinition(document: DocumentModel): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: document.orientation,
    pageMargins: [50, 56, 50, 50],
    info: {
      title: document.title,
      author: document.organisation,
      subject: document.reference,
      creator: 'incydent',
      producer: 'incydent',
      creationDate: document.documentDate,
    },
    header: () => ({
      columns: [
        { text: document.organisation, bold: true },
        { text: document.title, alignment: 'right', color: pdfColours.muted },
      ],
      fontSize: 8,
      margin: [50, 24, 50, 0],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `${document.reference} · ${document.footer}` },
        {
          text: document.pageLabel
            .replace('{page}', String(currentPage))
            .replace('{pages}', String(pageCount)),
          alignment: 'right',
          width: 'auto',
        },
      ],
      fontSize: 8,
      color: pdfColours.muted,
      margin: [50, 16, 50, 0],
    }),
    content: document.blocks.map((block) => blockContent(block, document)),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: pdfColours.text },
  };
}

export async function renderPdf(document: DocumentModel): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(document)).getBuffer();
}
