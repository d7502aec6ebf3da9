import type { Db } from '../../db/createDb.js';

/** The item for a file's content, made once: the unique content hash makes a second insert a no-op. */
export async function insertPendingMedia(
  db: Db,
  { contentHash, originalName, size }: { contentHash: string; originalName: string; size: number },
): Promise<void> {
  await db
    .insertInto('media_files')
    .values({ content_hash: contentHash, original_name: originalName, size, status: 'pending', updated_at: new Date() })
    .onConflict((oc) => oc.column('content_hash').doNothing())
    .execute();
}
