export { eraseMedia, type ErasedItem } from './eraseMedia.js';
export { removeErasedFiles, removeErasedFilesWhenFree } from './removeErasedFiles.js';
export { purgeExpiredTrash, deletedAuditDetails, trashCutoff, type PurgeDeps } from './purgeExpiredTrash.js';
