import { sql } from 'kysely';
import { finishedWithinSeconds, startedAfterSeconds } from '@keepsake/contracts';
import type { Db } from '../db/createDb.js';
import { completed, isFavouriteOf, libraryColumns, type LibraryRow } from './mediaLibrary.js';

// The player's own resume rule: the row offers exactly the videos the player would resume.

export type ContinueWatchingRow = Omit<LibraryRow, 'sort_key'> & {
  position_seconds: number;
  watched_at: Date;
};

/** The person's started, unfinished, undismissed videos, most recently watched first. */
export async function continueWatching(db: Db, userId: string, limit: number): Promise<ContinueWatchingRow[]> {
  return completed(db, { type: 'video' })
    .innerJoin('playback_progress as p', 'p.media_id', 'media_files.id')
    .where('p.user_id', '=', userId)
    .where('p.dismissed_at', 'is', null)
    .where('p.position_seconds', '>=', startedAfterSeconds)
    .where(sql<boolean>`(duration IS NULL OR p.position_seconds <= duration - ${finishedWithinSeconds})`)
    .select(libraryColumns.map((column) => `media_files.${column}` as const))
    .select(isFavouriteOf(userId).as('is_favourite'))
    .select(['p.position_seconds', 'p.updated_at as watched_at'])
    .orderBy('p.updated_at', 'desc')
    .orderBy('media_files.id', 'desc')
    .limit(limit)
    .execute();
}

/** Takes the video off the row, keeping its resume position; whether there was one to take. */
export async function dismiss(db: Db, userId: string, mediaId: string): Promise<boolean> {
  const result = await db
    .updateTable('playback_progress')
    .set({ dismissed_at: new Date() })
    .where('user_id', '=', userId)
    .where('media_id', '=', mediaId)
    .where('dismissed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
