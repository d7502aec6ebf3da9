import { errorCatalog, type ErrorCode } from './errorCatalog.js';

/** An error meant for the client: the error handler answers with exactly this code, status and message. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    /** Extra response headers (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? errorCatalog[code].message);
    this.statusCode = errorCatalog[code].status;
  }
}
