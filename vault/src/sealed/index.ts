export {
  SealedFileError,
  NotSealedError,
  UnsupportedVersionError,
  WrongKeyError,
  TamperedError,
  TruncatedError,
  type SealedFileErrorCode,
} from './errors.js';
export type { SealingKey, KeyResolver, SealOptions, BindingOption, SealedHeader, ByteRange } from './types.js';
export { bindingFor } from './bindingFor.js';
export { DEFAULT_CHUNK_SIZE, FORMAT_VERSION as SEALED_FORMAT_VERSION } from './header.js';
export { sealedSizeFor } from './layout.js';
export { createSealStream } from './createSealStream.js';
export { sealBuffer } from './sealBuffer.js';
export { sealFile, type SealFileOptions } from './sealFile.js';
export { readSealedHeader } from './readSealedHeader.js';
export { openSealedStream } from './openSealedStream.js';
export { openSealedBuffer, openSealedFile } from './openSealedBuffer.js';
export { resealFile } from './resealFile.js';
export { createSealer, type Sealer } from './sealer.js';
