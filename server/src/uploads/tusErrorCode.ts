import type { ErrorCode } from '../errors/errorCatalog.js';

/**
 * The project's code for an error the tus server answered with itself (offset mismatch,
 * missing headers, an upload that is gone), so every answer has the API's one error shape.
 */
export function tusErrorCode(status: number): ErrorCode {
  if (status === 404 || status === 410) return 'SYSTEM_005';
  if (status === 409 || status === 423) return 'SYSTEM_006';
  if (status === 413) return 'UPLOAD_001';
  if (status >= 400 && status < 500) return 'SYSTEM_003';
  return 'SYSTEM_001';
}
