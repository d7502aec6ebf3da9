import type { Db } from '../db/createDb.js';

/** Marks an item as one of the person's favourites; marking it twice changes nothing. */
export async function addFavourite(db: Db, userId: string, mediaId: string): Promise<void> {
  await db
    .insertInto('favourites')
    .values({ user_id: userId, media_id: mediaId })
    .onConflict((oc) => oc.columns(['user_id', 'media_id']).doNothing())
    .execute();
}

export async function removeFavourite(db: Db, userId: string, mediaId: string): Promise<void> {
  await db.deleteFrom('favourites').where('user_id', '=', userId).where('media_id', '=', mediaId).execute();
}

export async function isFavourite(db: Db, userId: string, mediaId: string): Promise<boolean> {
  const row = await db
    .selectFrom('favourites')
    .select('media_id')
    .where('user_id', '=', userId)
    .where('media_id', '=', mediaId)
    .executeTakeFirst();
  return row !== undefined;
}
