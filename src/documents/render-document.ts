import type { Writable } from 'node:stream';
import type { BreachCase } from '../domain/breach-case.ts';
import { buildAssessmentRecord } from '../domain/documents/build-assessment-record.ts';
import { buildInternalReport } from '../domain/documents/build-internal-report.ts';
import { buildPublicCommunication } from '../domain/documents/build-public-communication.ts';
import { buildRegister } from '../domain/documents/build-register.ts';
import { buildSubjectLetter } from '../domain/documents/build-subject-letter.ts';
import { buildUodoNotification } from '../domain/documents/build-uodo-notification.ts';
import type { Recipient } from '../domain/documents/communication-audience.ts';
import type { DocumentKind, DocumentModel } from '../domain/documents/document-model.ts';
import type { Lang } from '../domain/language.ts';
import { type NotificationPhase, notificationPhases } from '../domain/supervisory-notification.ts';
import type { DocumentFormat } from './document-formats.ts';

export { contentTypes, type DocumentFormat, documentFormats, formatsByKind } from './document-formats.ts';

// One entry point for every document in every format, used by `incydent render` and by the API's downloads, so the
// same case gives the same file wherever it is asked for.

export type RenderRequest = {
  kind: DocumentKind;
  format: DocumentFormat;
  cases: readonly BreachCase[];
  lang: Lang;
  generatedAt: Date;
  version: string;
  phase?: NotificationPhase | undefined;
  /** For letters: one per person; `[null]` gives the template with placeholders. */
  recipients?: readonly (Recipient | null)[];
};

/** The phase asked for, else that of the latest recorded notification, else a complete one. */
export function phaseOf(breach: BreachCase, asked: string | undefined): NotificationPhase {
  if (asked && (notificationPhases as readonly string[]).includes(asked)) return asked as NotificationPhase;
  const latest = [...breach.notifications].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).at(-1);
  return latest?.phase ?? 'complete';
}

function buildDocument(request: RenderRequest): DocumentModel {
  const breach = request.cases[0]!;
  const options = {
    lang: request.lang,
    generatedAt: request.generatedAt,
    version: request.version,
    phase: request.phase ?? phaseOf(breach, undefined),
  };
  switch (request.kind) {
    case 'internal-report':
      return buildInternalReport(breach, options);
    case 'uodo-notification':
      return buildUodoNotification(breach, {
        ...options,
        layout: request.format === 'xlsx' || request.format === 'csv' ? 'table' : 'form',
      });
    case 'public-communication':
      return buildPublicCommunication(breach, options);
    case 'register':
      return buildRegister(request.cases, options);
    case 'assessment-record':
      return buildAssessmentRecord(breach, options);
    case 'subject-letter':
      return buildSubjectLetter(breach, { ...options, recipient: request.recipients?.[0] ?? null });
  }
}

/** Renderers load on first use: pdfmake, docx and exceljs take most of a second to import, the server's start needn't. */
const renderers = {
  pdf: () => import('./render-pdf.ts').then((m) => m.renderPdf),
  pdfStream: () => import('./render-pdf-stream.ts').then((m) => m.renderPdfStream),
  docx: () => import('./render-docx.ts').then((m) => m.renderDocx),
  xlsx: () => import('./render-xlsx.ts').then((m) => m.renderXlsx),
  csv: () => import('./render-csv.ts').then((m) => m.renderCsv),
  html: () => import('./render-html.ts').then((m) => m.renderHtml),
};

/**
 * Writes the document to `output`. Letters are built one by one as the PDF is written, so 10,000 letters never sit
 * in memory at once. Throws DomainError for a case the document cannot be made from.
 */
export async function renderDocument(request: RenderRequest, output: Writable): Promise<void> {
  if (request.kind === 'subject-letter') {
    const breach = request.cases[0]!;
    const recipients = request.recipients ?? [null];
    const letters = function* (): Generator<DocumentModel> {
      for (const recipient of recipients) {
        yield buildSubjectLetter(breach, {
          lang: request.lang,
          generatedAt: request.generatedAt,
          version: request.version,
          recipient,
        });
      }
    };
    if (request.format === 'pdf') {
      await (await renderers.pdfStream())(letters(), output);
      return;
    }
    await writeAll(output, await (await renderers.docx())([...letters()]));
    return;
  }
  const document = buildDocument(request);
  const bytes =
    request.format === 'pdf'
      ? await (await renderers.pdf())(document)
      : request.format === 'docx'
        ? await (await renderers.docx())([document])
        : request.format === 'xlsx'
          ? await (await renderers.xlsx())(document)
          : request.format === 'html'
            ? (await renderers.html())(document)
            : (await renderers.csv())(document);
  await writeAll(output, bytes);
}

function writeAll(output: Writable, bytes: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    output.once('error', reject);
    output.end(bytes, () => resolve());
  });
}
