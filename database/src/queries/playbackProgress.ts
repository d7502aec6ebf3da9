import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';

export async function savePlaybackPosition(db: Db, userId: string, mediaId: string, seconds: number): Promise<void> {
  await db
    .insertInto('playback_progress')
    .values({ user_id: userId, media_id: mediaId, position_seconds: seconds, updated_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['user_id', 'media_id']).doUpdateSet({
        position_seconds: (eb) => eb.ref('excluded.position_seconds'),
        updated_at: sql<Date>`now()`,
        dismissed_at: null,
      }),
    )
    .execute();
}

export async function findPlaybackPosition(db: Db, userId: string, mediaId: string): Promise<number | null> {
  const row = await db
    .selectFrom('playback_progress')
    .select('position_seconds')
    .where('user_id', '=', userId)
    .where('media_id', '=', mediaId)
    .executeTakeFirst();
  return row?.position_seconds ?? null;
}
