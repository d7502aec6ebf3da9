/** MEDIA_004: the file is not something Keepsake can show; MEDIA_005: making it failed. */
export type ProcessingErrorCode = 'MEDIA_004' | 'MEDIA_005';

/**
 * Why a file could not be processed, worded for the admin page and `<name>.error.txt`.
 * `retryable` says whether trying again could help (a crash or a timeout may; a bad file never does).
 */
export class ProcessingError extends Error {
  override name = 'ProcessingError';
  readonly code: ProcessingErrorCode;
  readonly retryable: boolean;

  constructor(code: ProcessingErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? code === 'MEDIA_005';
  }
}

export function unsupported(message: string, cause?: unknown): ProcessingError {
  return new ProcessingError('MEDIA_004', message, { retryable: false, cause });
}
