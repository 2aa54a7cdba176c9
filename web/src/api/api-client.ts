import type { Lang } from '../../../src/domain/language.ts';
import { ApiError } from './api-error.ts';

/**
 * The web app's HTTP client. It sends the CSRF token on every change, asks for messages in the chosen language,
 * and when the session has expired it waits for the user to log in again (the page stays as it is, so nothing
 * typed is lost) and then sends the request. Before a change it asks `/api/session/probe` whether the session
 * still lives, so an ended session is noticed without sending the change (nor a large upload) in vain, and
 * without a failed request in the browser's console; a 401 that still comes back is handled the same way.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined | null>;

const state: {
  csrfToken: string | null;
  lang: Lang;
  onSessionExpired: (() => Promise<void>) | null;
} = { csrfToken: null, lang: 'pl', onSessionExpired: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLanguage(lang: Lang): void {
  state.lang = lang;
}

/** The session provider registers how to get a fresh session: it shows the login dialog and resolves after it. */
export function setSessionExpiredHandler(handler: (() => Promise<void>) | null): void {
  state.onSessionExpired = handler;
}

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('lang', state.lang);
  return `${path}?${params.toString()}`;
}

/** Whether the session is still logged in; the probe answers 200 either way. A network failure counts as alive:
 * the change itself will then report it. */
async function sessionAlive(): Promise<boolean> {
  try {
    const response = await fetch(apiUrl('/api/session/probe'), {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return true;
    const probe = (await response.json()) as { session: { csrfToken: string } | null };
    if (probe.session) state.csrfToken = probe.session.csrfToken;
    return probe.session !== null;
  } catch {
    return true;
  }
}

async function send<T>(
  method: Method,
  path: string,
  options: {
    query?: Query;
    body?: unknown;
    /** A file as the body, or a form of files (multipart: the browser sets its content type). */
    raw?: Blob | FormData;
    headers?: Record<string, string>;
    /** Answer as a file (a generated document) instead of JSON. */
    file?: boolean;
  },
  retried: boolean,
): Promise<T> {
  if (method !== 'GET' && !retried && state.onSessionExpired && !path.startsWith('/api/auth/')) {
    if (!(await sessionAlive())) {
      await state.onSessionExpired();
      return send(method, path, options, true);
    }
  }
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let body: BodyInit | undefined;
  if (options.raw) body = options.raw;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body: body ?? null,
    credentials: 'same-origin',
  });
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && options.file) {
    const disposition = response.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const leftOut = response.headers.get('x-people-left-out');
    const download: DownloadedFile = {
      blob: await response.blob(),
      filename: encoded ? decodeURIComponent(encoded) : 'dokument',
      ...(leftOut === null ? {} : { peopleLeftOut: Number(leftOut) }),
    };
    return download as T;
  }
  const payload: unknown = type.includes('application/json') ? await response.json() : null;
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code: string; message: string; fields?: [] } } | null)?.error;
  const apiError = new ApiError({
    status: response.status,
    code: error?.code ?? 'internal',
    message: error?.message ?? response.statusText,
    ...(error?.fields ? { fields: error.fields } : {}),
  });
  const expired = apiError.code === 'auth.required' || apiError.code === 'auth.csrf';
  if (expired && !retried && state.onSessionExpired && !path.startsWith('/api/auth/')) {
    await state.onSessionExpired();
    return send(method, path, options, true);
  }
  throw apiError;
}

/** A generated document; `peopleLeftOut`: people of a list who got no letter (no name or address). */
export type DownloadedFile = { blob: Blob; filename: string; peopleLeftOut?: number };

function fileHeaders(file: File): Record<string, string> {
  return {
    'content-type': file.type || 'application/octet-stream',
    'x-filename': encodeURIComponent(file.name),
  };
}

/** Hands a file the server generated to the browser, as if it had been a download link. */
export function saveFile(download: DownloadedFile): void {
  const url = URL.createObjectURL(download.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query) => send<T>('GET', path, query ? { query } : {}, false),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, { body: body ?? {} }, false),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, { body }, false),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, { body }, false),
  delete: <T>(path: string) => send<T>('DELETE', path, {}, false),
  upload: <T>(path: string, file: File) =>
    send<T>('POST', path, { raw: file, headers: fileHeaders(file) }, false),
  /** Sends several files as one multipart form, each in a field named "file". */
  uploadFiles: <T>(path: string, files: readonly File[]) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return send<T>('POST', path, { raw: form }, false);
  },
  /** Receives a document the server generates (the browser saves it with saveFile). */
  getFile: (path: string, query?: Query) =>
    send<DownloadedFile>('GET', path, { file: true, ...(query ? { query } : {}) }, false),
  /** Sends a file and receives the document generated from it. */
  uploadForFile: (path: string, file: File, query?: Query) =>
    send<DownloadedFile>(
      'POST',
      path,
      { raw: file, headers: fileHeaders(file), file: true, ...(query ? { query } : {}) },
      false,
    ),
};
