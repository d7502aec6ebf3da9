import type { Db } from '../db/createDb.js';
import type { MediaFile } from '../db/schema.js';

export async function findMediaById(db: Db, id: string): Promise<MediaFile | undefined> {
  return db.selectFrom('media_files').selectAll().where('id', '=', id).executeTakeFirst();
}
