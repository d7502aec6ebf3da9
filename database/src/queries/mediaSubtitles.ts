import { sql } from 'kysely';
import type { SubtitleSource } from '@keepsake/contracts';
import type { Db } from '../db/createDb.js';
import type { MediaStatus, MediaSubtitle, QueueStatus } from '../db/schema.js';

/** An item's subtitle tracks, by track number. */
export function listTracks(db: Db, mediaId: string): Promise<MediaSubtitle[]> {
  return db.selectFrom('media_subtitles').selectAll().where('media_id', '=', mediaId).orderBy('track').execute();
}

export function findTrack(db: Db, mediaId: string, track: number): Promise<MediaSubtitle | undefined> {
  return db
    .selectFrom('media_subtitles')
    .selectAll()
    .where('media_id', '=', mediaId)
    .where('track', '=', track)
    .executeTakeFirst();
}

export interface NewTrack {
  mediaId: string;
  track: number;
  language: string | null;
  label: string;
  forced: boolean;
  source: SubtitleSource;
  sourceName: string;
  file: string;
}

/** Records a track; the same source dropped again replaces its row (the file was written over). */
export async function saveTrack(db: Db, track: NewTrack): Promise<void> {
  const row = {
    media_id: track.mediaId,
    track: track.track,
    language: track.language,
    label: track.label,
    forced: track.forced,
    source: track.source,
    source_name: track.sourceName,
    file: track.file,
  };
  await db
    .insertInto('media_subtitles')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['media_id', 'track']).doUpdateSet({
        language: track.language,
        label: track.label,
        forced: track.forced,
        source: track.source,
        source_name: track.sourceName,
        file: track.file,
      }),
    )
    .execute();
}

/** The track a source already has on the item (dropped again), else the next free number. */
export async function trackNumberFor(
  db: Db,
  mediaId: string,
  source: { source: SubtitleSource; sourceName: string },
): Promise<number> {
  const existing = await db
    .selectFrom('media_subtitles')
    .select('track')
    .where('media_id', '=', mediaId)
    .where('source', '=', source.source)
    .where('source_name', '=', source.sourceName)
    .executeTakeFirst();
  if (existing) return existing.track;
  const { top } = await db
    .selectFrom('media_subtitles')
    .select(sql<number>`coalesce(max(track), 0)`.as('top'))
    .where('media_id', '=', mediaId)
    .executeTakeFirstOrThrow();
  return Number(top) + 1;
}

export interface SidecarVideo {
  jobId: number;
  path: string;
  status: QueueStatus;
  stage: string | null;
  mediaId: string | null;
  mediaStatus: MediaStatus | null;
  isVideo: boolean;
}

/** The queue's paths without their extension, lower-cased: the processing_queue_shot index (0015). */
const stemOfPath = sql<string>`lower(regexp_replace(path, '\\.[^./]*$', ''))`;

/**
 * The other queued files whose path without extension is one of `stems` (a sidecar's video
 * candidates), with the item each made, most recent first.
 */
export async function filesWithStems(db: Db, stems: string[], jobId: number): Promise<SidecarVideo[]> {
  const rows = await db
    .selectFrom('processing_queue as q')
    .leftJoin('media_files as m', 'm.id', 'q.media_id')
    .select(['q.id', 'q.path', 'q.status', 'q.stage', 'q.media_id', 'm.status as media_status', 'm.type'])
    .where(stemOfPath, 'in', stems)
    .where('q.id', '!=', jobId)
    .orderBy('q.id', 'desc')
    .execute();
  return rows.map((row) => ({
    jobId: row.id,
    path: row.path,
    status: row.status,
    stage: row.stage,
    mediaId: row.media_id,
    mediaStatus: row.media_status,
    isVideo: row.type === 'video',
  }));
}
