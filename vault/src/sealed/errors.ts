export type SealedFileErrorCode = 'NOT_SEALED' | 'UNSUPPORTED_VERSION' | 'WRONG_KEY' | 'TAMPERED' | 'TRUNCATED';

/**
 * A sealed file that cannot be opened. Every case is a refusal: no byte of an unauthenticated
 * chunk is ever returned. The code is the diagnosis (see vault/README.md for how each is told apart).
 */
export class SealedFileError extends Error {
  override name = 'SealedFileError';
  readonly code: SealedFileErrorCode;

  constructor(code: SealedFileErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Not a Keepsake sealed file at all (wrong magic): a foreign or plaintext file. */
export class NotSealedError extends SealedFileError {
  override name = 'NotSealedError';
  constructor(message: string) {
    super('NOT_SEALED', message);
  }
}

/** A sealed file from a newer (or unknown) format version. */
export class UnsupportedVersionError extends SealedFileError {
  override name = 'UnsupportedVersionError';
  constructor(message: string) {
    super('UNSUPPORTED_VERSION', message);
  }
}

/** The key the file names is unknown, or the key given is not the one it was sealed with. */
export class WrongKeyError extends SealedFileError {
  override name = 'WrongKeyError';
  constructor(message: string) {
    super('WRONG_KEY', message);
  }
}

/** The right key, but the header or a chunk was altered, reordered or extended. */
export class TamperedError extends SealedFileError {
  override name = 'TamperedError';
  constructor(message: string) {
    super('TAMPERED', message);
  }
}

/** The file ends before its final chunk. */
export class TruncatedError extends SealedFileError {
  override name = 'TruncatedError';
  constructor(message: string) {
    super('TRUNCATED', message);
  }
}
