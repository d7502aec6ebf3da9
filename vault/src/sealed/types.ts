/** The key a file is sealed with; a storage ContentKey from the key store satisfies it. */
export interface SealingKey {
  id: string;
  key: Buffer;
}

/** Finds the key a sealed file names in its header; undefined means "unknown key" (WRONG_KEY). */
export type KeyResolver = (keyId: string) => Promise<Buffer | undefined>;

/** Where a sealed file belongs; opening it under another binding fails as TAMPERED. */
export interface BindingOption {
  /**
   * Names the file's place, e.g. `item:<id>/thumb.webp.sealed` (bindingFor): the writer and
   * every reader must give the same string. Default: the empty binding.
   */
  binding?: string;
}

export interface SealOptions extends BindingOption {
  /** Plaintext bytes per chunk (default 64 KiB). Larger chunks cost more per range read. */
  chunkSize?: number;
  /**
   * The exact plaintext length, when known up front: it is recorded in the header so a cut
   * anywhere is reported as TRUNCATED, and sealing fails if the input is not that long.
   */
  plainSize?: number;
}

export interface SealedHeader {
  version: number;
  keyId: string;
  chunkSize: number;
  plainSize: number;
  sealedSize: number;
}

/** Inclusive byte range of the plaintext, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}
