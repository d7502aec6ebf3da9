import { ApiError } from '../errors/ApiError.js';
import { formatGiB } from './formatGiB.js';
import { freeDiskSpace } from './freeDiskSpace.js';

export interface UploadLimits {
  maxBytes: number;
  /** What must stay free on the imports filesystem once the upload is stored (the processor needs room too). */
  minFreeBytes: number;
  /** Where partial uploads are written. */
  partialDir: string;
  /** Bytes other uploads in progress have declared and not sent yet: the disk owes them too. */
  promisedBytes(): Promise<number>;
}

/**
 * Refuses an upload before a byte of it is stored: no declared size (deferred length), more
 * than UPLOAD_MAX_BYTES, or more than the disk can take while keeping UPLOAD_MIN_FREE_BYTES free
 * — counting what the uploads already in progress will still write, so two large ones started
 * together cannot both pass and fill the disk between them.
 */
export async function checkDeclaredUpload(limits: UploadLimits, uploadLength: string | undefined): Promise<number> {
  if (uploadLength === undefined || !/^\d{1,16}$/.test(uploadLength)) {
    throw new ApiError('SYSTEM_003', 'Declare the file size (Upload-Length) when creating an upload.');
  }
  const size = Number(uploadLength);
  if (size > limits.maxBytes) {
    throw new ApiError('UPLOAD_001', `This file is larger than uploads may be (${formatGiB(limits.maxBytes)}).`, {
      size,
      max_bytes: limits.maxBytes,
    });
  }
  const [free, promised] = await Promise.all([freeDiskSpace(limits.partialDir), limits.promisedBytes()]);
  if (free - promised - size < limits.minFreeBytes) {
    throw new ApiError('UPLOAD_002', undefined, {
      size,
      free_bytes: free,
      promised_bytes: promised,
      keep_free_bytes: limits.minFreeBytes,
    });
  }
  return size;
}
