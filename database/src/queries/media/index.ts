export { insertPendingMedia } from './insertPendingMedia.js';
export { lockMediaByHash } from './lockMediaByHash.js';
export { findOtherActiveJob } from './findOtherActiveJob.js';
export { startMediaProcessing } from './startMediaProcessing.js';
export { completeMedia, type CompletedMedia } from './completeMedia.js';
export { failMedia } from './failMedia.js';
