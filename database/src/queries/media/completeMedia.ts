import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import type { RenditionColumn } from '@keepsake/contracts';
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
  /** Every rendition column: its path, or null where the item has none (renditions table). */
  paths: Record<RenditionColumn, string | null>;
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
      ...media.paths,
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
