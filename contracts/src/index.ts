export { isUuid, uuidPattern, uuidSource } from './patterns/uuid.js';
export {
  RAW_ORIGINAL_FILE,
  MOTION_ORIGINAL_FILE,
  rawOriginalPath,
  companionOriginalPath,
} from './assets/rawOriginal.js';
export {
  assetKindFor,
  assetKinds,
  generationDir,
  generationFolderPattern,
  inGeneration,
  parseAssetPath,
  ROTATING_SUFFIX,
  STAGING_DIR,
  type AssetKind,
  type AssetPath,
} from './assets/assetLayout.js';
export {
  isSegmentFile,
  isVariantName,
  MASTER_PLAYLIST,
  SEGMENT_TEMPLATE,
  segmentFilePattern,
  VARIANT_PLAYLIST,
  variantNamePattern,
} from './hls/hlsNames.js';
export {
  hlsKeyUri,
  parseHlsKeyUri,
  parseVariantPlaylistUri,
  segmentUrl,
  variantPlaylistUrl,
  variantPlaylistUri,
  type GenerationAddress,
} from './hls/hlsUris.js';
export {
  DUPLICATE_IN_TRASH_STAGE,
  DUPLICATE_STAGE,
  PROGRESS_CHANNEL,
  type ProgressMessage,
  type ProgressStatus,
} from './redis/progressMessages.js';
export {
  HEARTBEAT_KEY_PREFIX,
  HEARTBEAT_TTL_SECONDS,
  heartbeatKey,
  type ProcessorHeartbeat,
} from './redis/processorHeartbeat.js';
export { contentSecurityPolicyDirectives, metaContentSecurityPolicy } from './security/contentSecurityPolicy.js';
export {
  describePasswordProblems,
  maxPasswordLength,
  passwordPolicyText,
  passwordProblems,
} from './users/passwordPolicy.js';
export {
  renditionColumns,
  renditionFor,
  renditionNames,
  renditionPath,
  renditions,
  renditionUrl,
  renditionUrlFields,
  type MediaPurpose,
  type MediaRenditionName,
  type MediaType,
  type Rendition,
  type RenditionColumn,
  type RenditionName,
  type Renditions,
  type RenditionUrlField,
  type StoredItem,
} from './renditions/renditions.js';
export { finishedWithinSeconds, resumePosition, startedAfterSeconds } from './playback/resumeRule.js';
export { MAX_DOWNLOAD_ITEMS } from './downloads/downloadLimits.js';
export { MAX_TRASH_ITEMS } from './trash/trashLimits.js';
export {
  TRICKPLAY_COLUMNS,
  TRICKPLAY_INDEX_FILE,
  TRICKPLAY_MAX_INTERVAL,
  TRICKPLAY_MIME,
  TRICKPLAY_MIN_INTERVAL,
  TRICKPLAY_ROWS,
  TRICKPLAY_TARGET_FRAMES,
  TRICKPLAY_TILE_SIZE,
  trickplayInterval,
  trickplaySheetFile,
  trickplaySheetPattern,
  trickplayTileAt,
  type TrickplayIndex,
  type TrickplaySheet,
  type TrickplayTile,
  type TrickplayView,
} from './trickplay/trickplayIndex.js';
export {
  parseSubtitleFileName,
  SUBTITLE_GROUP_ID,
  SUBTITLE_MIME,
  subtitleFileName,
  subtitleLabel,
  subtitleMediaTag,
  subtitlePlaylistUrl,
  subtitleVttUrl,
  type SubtitleSource,
  type SubtitleTrackInfo,
} from './subtitles/subtitleTracks.js';
