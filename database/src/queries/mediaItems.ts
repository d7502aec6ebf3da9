import type { Db } from '../db/createDb.js';
import type { MediaFile } from '../db/schema.js';

export async function findMediaById(db: Db, id: string): Promise<MediaFile | undefined> {
  return db.selectFrom('media_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Several items by id (in no particular order); ids that name nothing are left out. */
export async function findMediaByIds(db: Db, ids: readonly string[]): Promise<MediaFile[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('media_files').selectAll().where('id', 'in', ids).execute();
}
