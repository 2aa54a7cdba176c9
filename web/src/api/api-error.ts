/** An error answered by the API (`{ error: { code, message, fields } }`), its message already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { field: string; message: string }[];

  constructor(input: {
    status: number;
    code: string;
    message: string;
    fields?: { field: string; message: string }[];
  }) {
    super(input.message);
    this.name = 'ApiError';
    this.status = input.status;
    this.code = input.code;
    this.fields = input.fields ?? [];
  }
}

/**
 * The one way the web app turns any failure into words a user understands: the server's catalogue message, or a
 * plain sentence when the network itself failed.
 */
export function errorText(error: unknown, fallback: { offline: string; unexpected: string }): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return fallback.offline;
  if (error instanceof Error && error.message) return error.message;
  return fallback.unexpected;
}
