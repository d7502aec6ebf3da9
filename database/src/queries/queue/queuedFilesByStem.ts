import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import type { MediaStatus, MediaType, QueueStatus } from '../../db/schema.js';

/**
 * A queued file named like another but for its extension (IMG_0001.JPG beside IMG_0001.CR2,
 * film.srt beside film.mp4), with the item it made: what RAW pairing and subtitle sidecars decide on.
 */
export interface FileOfStem {
  jobId: number;
  path: string;
  status: QueueStatus;
  stage: string | null;
  mediaId: string | null;
  mediaStatus: MediaStatus | null;
  mediaType: MediaType | null;
  mime: string | null;
  /** The item keeps a RAW already (metadata.raw). */
  hasRaw: boolean;
}

/** The queue's paths without their extension, lower-cased: what the processing_queue_shot index (0015) holds. */
const stemOfPath = sql<string>`lower(regexp_replace(path, '\\.[^./]*$', ''))`;

/** The other queued files whose path without extension is one of `stems` (lower-case), oldest first. */
export async function queuedFilesByStem(db: Db, stems: string[], jobId: number): Promise<FileOfStem[]> {
  if (stems.length === 0) return [];
  const rows = await db
    .selectFrom('processing_queue as q')
    .leftJoin('media_files as m', 'm.id', 'q.media_id')
    .select(['q.id', 'q.path', 'q.status', 'q.stage', 'q.media_id', 'm.status as media_status', 'm.type', 'm.mime'])
    .select(sql<boolean>`coalesce(m.metadata ? 'raw', false)`.as('has_raw'))
    .where(stemOfPath, 'in', stems)
    .where('q.id', '!=', jobId)
    .orderBy('q.id')
    .execute();
  return rows.map((row) => ({
    jobId: row.id,
    path: row.path,
    status: row.status,
    stage: row.stage,
    mediaId: row.media_id,
    mediaStatus: row.media_status,
    mediaType: row.type,
    mime: row.mime,
    hasRaw: row.has_raw,
  }));
}
