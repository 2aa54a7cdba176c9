import type { DocumentKind } from '../domain/documents/document-kinds.ts';

// Which documents come in which formats: what `incydent render` offers and the API accepts, apart from the renderers
// (which load on use), so a command's options are known without loading them.

export const documentFormats = ['pdf', 'docx', 'xlsx', 'csv', 'html'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** Which formats each document has: spreadsheets only where the content is a table. */
export const formatsByKind: Record<DocumentKind, readonly DocumentFormat[]> = {
  'internal-report': ['pdf', 'docx', 'html'],
  'uodo-notification': ['pdf', 'docx', 'xlsx', 'csv', 'html'],
  'subject-letter': ['pdf', 'docx'],
  'public-communication': ['pdf', 'docx', 'html'],
  register: ['xlsx', 'csv', 'pdf', 'docx', 'html'],
  'assessment-record': ['pdf', 'docx', 'html'],
};

export const contentTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};
