import type { Db } from '../../db/createDb.js';
import type { MediaFile } from '../../db/schema.js';

/** The item with this content, locked until the transaction ends (two workers decide one at a time). */
export async function lockMediaByHash(db: Db, contentHash: string): Promise<MediaFile | undefined> {
  return db
    .selectFrom('media_files')
    .selectAll()
    .where('content_hash', '=', contentHash)
    .forUpdate()
    .executeTakeFirst();
}
