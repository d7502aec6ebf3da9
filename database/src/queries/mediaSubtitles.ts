import { sql } from 'kysely';
import type { SubtitleSource } from '@keepsake/contracts';
import type { Db } from '../db/createDb.js';
import type { MediaSubtitle } from '../db/schema.js';

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
  const { media_id: _mediaId, track: _track, ...changes } = row;
  await db
    .insertInto('media_subtitles')
    .values(row)
    .onConflict((oc) => oc.columns(['media_id', 'track']).doUpdateSet(changes))
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
