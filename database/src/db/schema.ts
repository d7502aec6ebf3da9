import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import { renditionColumns, type MediaType, type SubtitleSource } from '@keepsake/contracts';

/** A column the database fills in and that is never written by hand. */
type ReadOnly<T> = ColumnType<T, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, T | string | undefined, T | string>;
type BigintColumn = ColumnType<number, number | bigint | string, number | bigint | string>;

export type UserRole = 'admin' | 'member';
export type { MediaType } from '@keepsake/contracts';
/** `trashed`: a completed item in the trash (migration 0011); restoring makes it `completed` again. */
export type MediaStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'trashed';
export type KeyPurpose = 'hls' | 'storage';
export type QueueStatus = 'queued' | 'processing' | 'completed' | 'failed';
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'tv' | 'unknown';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  email: string;
  full_name: string;
  role: ColumnType<UserRole, UserRole | undefined, UserRole>;
  password_hash: string;
  is_active: Generated<boolean>;
  last_login_at: TimestampNullable;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  device_id: string;
  device_name: string;
  device_type: ColumnType<DeviceType, DeviceType | undefined, DeviceType>;
  ip: string | null;
  user_agent: string | null;
  refresh_token_hash: string;
  last_activity_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: TimestampNullable;
  revoked_reason: string | null;
  created_at: Generated<Date>;
}

/** One rung of a video's ABR ladder, as written in media_files.variants. */
export interface VideoVariant {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  codecs: string;
  playlist: string;
}

export interface MediaFilesTable {
  id: Generated<string>;
  original_name: string;
  type: MediaType | null;
  mime: string | null;
  size: BigintColumn;
  width: number | null;
  height: number | null;
  duration: number | null;
  taken_at: TimestampNullable;
  content_hash: string;
  status: ColumnType<MediaStatus, MediaStatus | undefined, MediaStatus>;
  error: string | null;
  error_code: string | null;
  metadata: Json<Record<string, unknown>>;
  /** A person's words for the item (1–500 characters), searchable; null when there are none. */
  caption: string | null;
  /** Who uploaded it through the web; null for the drop folder (migration 0008). */
  uploaded_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When it went into the trash (set exactly while status is 'trashed', migration 0011). */
  trashed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Who put it there (null: the CLI, or the person's account is gone). */
  trashed_by: ColumnType<string | null, string | null | undefined, string | null>;
  generation: Generated<number>;
  asset_dir: string | null;
  image_path: string | null;
  thumbnail_path: string | null;
  preview_path: string | null;
  scene_preview_path: string | null;
  poster_path: string | null;
  playlist_path: string | null;
  /** The seek-bar preview index (migration 0016; null for videos processed before it). */
  trickplay_path: string | null;
  /** A Live Photo's motion (migration 0019; null for a photo without, and for videos). */
  motion_path: ColumnType<string | null, string | null | undefined, string | null>;
  original_path: string | null;
  variants: Json<VideoVariant[]>;
  hls_key_id: string | null;
  storage_key_id: string | null;
  processing_started_at: TimestampNullable;
  processing_completed_at: TimestampNullable;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  sort_date: ReadOnly<Date>;
}

/** The media_files columns holding paths under ASSETS_DIR, all inside the item's g<generation> folders. */
/** The columns holding paths under ASSETS_DIR: the item's folder and each rendition's column. */
export const mediaPathColumns = [
  'asset_dir',
  ...renditionColumns,
] as const satisfies readonly (keyof MediaFilesTable)[];
export type MediaPathColumn = (typeof mediaPathColumns)[number];

export type RawPairState = 'waiting' | 'paired' | 'alone';

/** One shot's RAW+JPEG pairing (migration 0015): which RAW job decides, and the item it joined. */
export interface RawPairsTable {
  /** The folder inside imports/ ('' at the top), as the queue's paths write it. */
  folder: string;
  /** The shot's base name, lower-cased (IMG_0001 of IMG_0001.CR2). */
  base: string;
  state: ColumnType<RawPairState, RawPairState | undefined, RawPairState>;
  raw_job_id: number | null;
  media_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** One Live Photo's pairing (migration 0019): which MOV job decides, and the photo item it joined. */
export interface LivePairsTable {
  /** `id:<content identifier>`, or `shot:<folder>/<base>` for a pair by name and time. */
  pair_key: string;
  state: ColumnType<RawPairState, RawPairState | undefined, RawPairState>;
  motion_job_id: number | null;
  media_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** One subtitle track of a video (migration 0018), sealed at `<asset_dir>/<file>`. */
export interface MediaSubtitlesTable {
  media_id: string;
  /** Numbers the item's tracks from 1; the file is named by it (contracts' subtitleFileName). */
  track: number;
  language: string | null;
  label: string;
  forced: ColumnType<boolean, boolean | undefined, boolean>;
  source: SubtitleSource;
  /** The sidecar's name as dropped, or `stream <index>` for a stream inside the video. */
  source_name: string;
  file: string;
  created_at: Generated<Date>;
}

export interface EncryptionKeysTable {
  id: Generated<string>;
  media_id: string;
  purpose: KeyPurpose;
  generation: number;
  wrapped_key: Buffer;
  created_at: Generated<Date>;
  retired_at: TimestampNullable;
}

export interface MasterKeyCheckTable {
  id: number;
  fingerprint: string;
  created_at: Generated<Date>;
}

export interface ProcessingQueueTable {
  /** bigserial, read as a number (see createDb). */
  id: Generated<number>;
  path: string;
  size: BigintColumn;
  mtime: Timestamp;
  priority: Generated<number>;
  status: ColumnType<QueueStatus, QueueStatus | undefined, QueueStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Generated<Date>;
  lease_until: TimestampNullable;
  worker_id: string | null;
  stage: string | null;
  progress: number | null;
  error: string | null;
  error_code: string | null;
  media_id: string | null;
  failed_path: string | null;
  queued_at: Generated<Date>;
  started_at: TimestampNullable;
  completed_at: TimestampNullable;
  updated_at: Timestamp;
}

export interface AccessLogsTable {
  /** bigserial, read as a number (see createDb). */
  id: Generated<number>;
  user_id: string | null;
  session_id: string | null;
  media_id: string | null;
  action: string;
  client_ip: string | null;
  via_vpn: Generated<boolean>;
  bytes: BigintColumn | null;
  status: number | null;
  response_ms: number | null;
  user_agent: string | null;
  details: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface PlaybackProgressTable {
  user_id: string;
  media_id: string;
  position_seconds: number;
  updated_at: Timestamp;
  /** Taken off the person's Continue watching row; a new heartbeat clears it. */
  dismissed_at: TimestampNullable;
}

/** Items whose keys are destroyed while their folders may still be on disk (migration 0011). */
export interface ErasedMediaTable {
  media_id: string;
  erased_at: Generated<Date>;
}

export interface FavouritesTable {
  user_id: string;
  media_id: string;
  created_at: Generated<Timestamp>;
}

export interface AlbumsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  cover_media_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlbumItemsTable {
  album_id: string;
  media_id: string;
  added_by: string | null;
  added_at: Timestamp;
}

export type RotationStatus = 'running' | 'completed' | 'failed' | 'interrupted';

export interface RotationRunsTable {
  /** bigserial, read as a number (see createDb). */
  id: Generated<number>;
  status: ColumnType<RotationStatus, RotationStatus | undefined, RotationStatus>;
  dry_run: Generated<boolean>;
  only_media_id: string | null;
  items_total: Generated<number>;
  items_done: Generated<number>;
  items_failed: Generated<number>;
  bytes: ColumnType<number, number | undefined, number>;
  errors: Json<{ mediaId: string; error: string }[]>;
  host: string | null;
  pid: number | null;
  started_at: Generated<Date>;
  finished_at: TimestampNullable;
}

export interface RetiredGenerationsTable {
  media_id: string;
  generation: number;
  /** Folders of the old generation, relative to ASSETS_DIR. */
  asset_dirs: Json<string[]>;
  retire_after: Timestamp;
  removed_at: TimestampNullable;
  created_at: Generated<Date>;
}

/** Completed items per type, kept exact by triggers on media_files (migration 0004). */
export interface MediaGalleryCountsTable {
  type: MediaType;
  completed: ColumnType<number, never, never>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  media_files: MediaFilesTable;
  encryption_keys: EncryptionKeysTable;
  master_key_check: MasterKeyCheckTable;
  processing_queue: ProcessingQueueTable;
  access_logs: AccessLogsTable;
  playback_progress: PlaybackProgressTable;
  rotation_runs: RotationRunsTable;
  media_gallery_counts: MediaGalleryCountsTable;
  retired_generations: RetiredGenerationsTable;
  favourites: FavouritesTable;
  albums: AlbumsTable;
  album_items: AlbumItemsTable;
  erased_media: ErasedMediaTable;
  raw_pairs: RawPairsTable;
  live_pairs: LivePairsTable;
  media_subtitles: MediaSubtitlesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type MediaFile = Selectable<MediaFilesTable>;
export type NewMediaFile = Insertable<MediaFilesTable>;
export type MediaFileUpdate = Updateable<MediaFilesTable>;
export type EncryptionKey = Selectable<EncryptionKeysTable>;
export type QueueJob = Selectable<ProcessingQueueTable>;
export type RawPair = Selectable<RawPairsTable>;
export type LivePair = Selectable<LivePairsTable>;
export type MediaSubtitle = Selectable<MediaSubtitlesTable>;
export type NewQueueJob = Insertable<ProcessingQueueTable>;
export type AccessLog = Selectable<AccessLogsTable>;
export type NewAccessLog = Insertable<AccessLogsTable>;
export type RotationRun = Selectable<RotationRunsTable>;
export type RetiredGeneration = Selectable<RetiredGenerationsTable>;
