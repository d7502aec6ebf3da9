import type { ErrorCode } from './errorCatalog.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown; timestamp: string };
}

/** The one error shape of the API: {"error":{"code","message","details","timestamp"}}. */
export function errorBody(code: ErrorCode, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details, timestamp: new Date().toISOString() } };
}
