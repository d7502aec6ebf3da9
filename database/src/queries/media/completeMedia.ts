import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import type { MediaType, VideoVariant } from '../../db/schema.js';

export interface CompletedMedia {
  mediaId: string;
  type: MediaType;
  mime: string;
  width: number;
  height: number;
  duration: number | null;
  takenAt: Date | null;
  metadata: Record<string, unknown>;
  assetDir: string;
  imagePath?: string | null;
  thumbnailPath: string;
  previewPath?: string | null;
  scenePreviewPath?: string | null;
  posterPath?: string | null;
  playlistPath?: string | null;
  originalPath: string | null;
  variants?: VideoVariant[];
  hlsKeyId?: string | null;
  storageKeyId: string;
}

/** The item becomes visible in the gallery. Run in the same transaction as the job's completion. */
export async function completeMedia(db: Db, media: CompletedMedia): Promise<void> {
  await db
    .updateTable('media_files')
    .set({
      status: 'completed',
      type: media.type,
      mime: media.mime,
      width: media.width,
      height: media.height,
      duration: media.duration,
      taken_at: media.takenAt,
      metadata: JSON.stringify(media.metadata),
      asset_dir: media.assetDir,
      image_path: media.imagePath ?? null,
      thumbnail_path: media.thumbnailPath,
      preview_path: media.previewPath ?? null,
      scene_preview_path: media.scenePreviewPath ?? null,
      poster_path: media.posterPath ?? null,
      playlist_path: media.playlistPath ?? null,
      original_path: media.originalPath,
      variants: JSON.stringify(media.variants ?? []),
      hls_key_id: media.hlsKeyId ?? null,
      storage_key_id: media.storageKeyId,
      error: null,
      error_code: null,
      processing_completed_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', media.mediaId)
    .execute();
}
