/**
 * Documents as one DOCX (docx 9): each document a section starting on a new page, with the organisation in the
 * header and "strona X z Y" of that section, the date and version in the footer. A list of letters becomes one
 * file with one letter per section; a single template letter is the DOCX template for mail merge.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Block, cellText, type DocumentModel } from '../domain/documents/document-model.ts';

const headingLevels = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;
const muted = '5C5C5C';
const thin = { style: BorderStyle.SINGLE, size: 4, color: 'B8B8B8' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

/** Line breaks inside a text become breaks inside one paragraph. */
function runs(text: string, options: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }));
}

function cell(text: string, options: { header?: boolean; widthPercent: number; size?: number }): TableCell {
  return new TableCell({
    width: { size: options.widthPercent, type: WidthType.PERCENTAGE },
    borders,
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF1F5' } } : {}),
    children: [
      new Paragraph({
        children: runs(text, {
          bold: options.header ?? false,
          ...(options.size ? { size: options.size } : {}),
        }),
      }),
    ],
  });
}

function blockChildren(block: Block, document: DocumentModel): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: runs(block.text) })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { after: 100 },
          children: runs(block.text, {
            ...(block.tone === 'muted' ? { color: muted, size: 17 } : {}),
            ...(block.tone === 'strong' ? { bold: true } : {}),
          }),
        }),
      ];
    case 'fields':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.fields.map(
            (field) =>
              new TableRow({
                cantSplit: true,
                children: [
                  cell(field.label, { widthPercent: 38, size: 17 }),
                  cell(field.value, { widthPercent: 62 }),
                ],
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case 'table': {
      const total = block.columns.reduce((sum, column) => sum + column.width, 0);
      const percent = block.columns.map((column) => (column.width / total) * 100);
      const size = document.orientation === 'landscape' ? 14 : 18;
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.columns.map((column, i) =>
                cell(column.header, { header: true, widthPercent: percent[i] ?? 10, size }),
              ),
            }),
            ...block.rows.map(
              (row) =>
                new TableRow({
                  children: row.map((value, i) =>
                    cell(cellText(value, document.lang), { widthPercent: percent[i] ?? 10, size }),
                  ),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'address':
      return [
        new Paragraph({
          indent: { left: 5400 },
          spacing: { before: 240, after: 360 },
          children: runs(block.lines.join('\n')),
        }),
      ];
    case 'signatures':
      return [
        new Paragraph({ spacing: { before: 720 }, children: [] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              children: block.captions.map(
                (caption) =>
                  new TableCell({
                    width: { size: 100 / block.captions.length, type: WidthType.PERCENTAGE },
                    borders: {
                      top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                      bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                    },
                    children: [
                      new Paragraph({ alignment: AlignmentType.CENTER, children: runs('…………………………………………') }),
                      new Paragraph({
                        alignment: AlignmentType.CENTER,
                        children: runs(caption, { color: muted, size: 16 }),
                      }),
                    ],
                  }),
              ),
            }),
          ],
        }),
      ];
    case 'page-break':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

function section(document: DocumentModel): ISectionOptions {
  const [before, after] = document.pageLabel.split('{page}') as [string, string];
  const [middle, end] = (after ?? '').split('{pages}') as [string, string];
  return {
    properties: {
      page: {
        size: {
          orientation:
            document.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: 1134, bottom: 1000, left: 1000, right: 1000 },
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: document.organisation, bold: true, size: 16 }),
              new TextRun({ text: `\t${document.title}`, color: muted, size: 16 }),
            ],
            tabStops: [{ type: 'right', position: document.orientation === 'landscape' ? 14800 : 9900 }],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            tabStops: [{ type: 'right', position: document.orientation === 'landscape' ? 14800 : 9900 }],
            children: [
              new TextRun({
                text: `${document.reference} · ${document.footer}\t${before}`,
                color: muted,
                size: 16,
              }),
              new TextRun({ children: [PageNumber.CURRENT], color: muted, size: 16 }),
              new TextRun({ text: middle ?? '', color: muted, size: 16 }),
              new TextRun({ children: [PageNumber.TOTAL_PAGES_IN_SECTION], color: muted, size: 16 }),
              new TextRun({ text: end ?? '', color: muted, size: 16 }),
            ],
          }),
        ],
      }),
    },
    children: document.blocks.flatMap((block) => blockChildren(block, document)),
  };
}

export async function renderDocx(documents: readonly DocumentModel[]): Promise<Buffer> {
  const first = documents[0];
  if (!first) throw new RangeError('Nothing to render.');
  const file = new Document({
    creator: first.organisation,
    title: first.title,
    description: `${first.reference} · ${first.footer}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: documents.map(section),
  });
  return Packer.toBuffer(file);
}
