export {
  PARTIAL_UPLOADS_DIR,
  UPLOADS_DIR,
  UPLOAD_CHUNK_BYTES,
  PARTIAL_SUFFIXES,
  SYSTEM_NAMES,
  isSkippedName,
  uploaderOf,
  uploadFolderOf,
  safeUploadName,
  numberedName,
} from './uploadPaths.js';
