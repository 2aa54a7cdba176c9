import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/**
 * The name of an uploaded file, sent URL-encoded in the x-filename header; `fallback` when the header is absent (a
 * missing required name is an error naming the header). A name that is not valid URL encoding is refused the same
 * way, never a server error.
 */
export function fileNameHeader(request: FastifyRequest, fallback: string | null): string {
  const header = request.headers['x-filename'];
  const raw = typeof header === 'string' ? header.trim() : '';
  if (raw === '') {
    if (fallback !== null) return fallback;
    throw new DomainError('validation.invalid', {
      field: 'x-filename',
      detail: { pl: 'wymagana nazwa pliku', en: 'file name required' },
    });
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new DomainError('validation.invalid', {
      field: 'x-filename',
      detail: {
        pl: 'nazwa pliku musi być zakodowana jak w adresie URL (encodeURIComponent)',
        en: 'the file name must be URL-encoded (encodeURIComponent)',
      },
    });
  }
}
