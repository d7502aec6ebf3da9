export { createDb, type Db, type DbOptions } from './db/createDb.js';
export type * from './db/schema.js';
export { mediaPathColumns } from './db/schema.js';
export { migrateToLatest, type MigrationOutcome } from './migrations/migrate.js';
export * as users from './queries/users.js';
export type { PublicUser } from './queries/users.js';
export * as sessions from './queries/sessions.js';
export * as accessLogs from './queries/accessLogs.js';
export * as mediaLibrary from './queries/mediaLibrary.js';
export type { LibraryRow, LibrarySort, LibraryOrder } from './queries/mediaLibrary.js';
export * as libraryTimeline from './queries/libraryMonths.js';
export * as mediaItems from './queries/mediaItems.js';
export * as playbackProgress from './queries/playbackProgress.js';
export * as favourites from './queries/favourites.js';
export * as mediaSearch from './queries/mediaSearch.js';
export type { LibrarySearch } from './queries/mediaSearch.js';
export * as albums from './queries/albums.js';
export * as onThisDay from './queries/onThisDay.js';
export * as continueWatching from './queries/continueWatching.js';
export * as queueAdmin from './queries/queueAdmin.js';
export * as storageUsage from './queries/storageUsage.js';
export * as encryptionKeys from './queries/encryptionKeys.js';
export * as masterKeyCheck from './queries/masterKeyCheck.js';
export * as keyRotation from './queries/keyRotation.js';
export type { KeysInUse } from './queries/keyRotation.js';
export * as rotation from './queries/rotation.js';
export * as trash from './queries/trash.js';
export type { TrashRow, TrashFilter } from './queries/trash.js';
export * as rawPairs from './queries/rawPairs.js';
export type { Shot, ShotFile, RawCompanion } from './queries/rawPairs.js';
export * as livePairs from './queries/livePairs.js';
export type { LiveStill, MotionSource } from './queries/livePairs.js';
export * as jobQueue from './queries/queue/index.js';
export type {
  FileToQueue,
  ClaimOptions,
  RetryOptions,
  FailOptions,
  QueueBacklog,
  FileOfStem,
} from './queries/queue/index.js';
export * as mediaIngest from './queries/media/index.js';
export type { CompletedMedia } from './queries/media/index.js';
export * as mediaSubtitles from './queries/mediaSubtitles.js';
export type { NewTrack } from './queries/mediaSubtitles.js';
export {
  GENERATIONS_LOCK_ID,
  ifGenerationsFree,
  tryAdvisoryLock,
  holdingAdvisoryLock,
} from './locks/generationsLock.js';
