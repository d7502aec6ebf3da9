import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/**
 * Ties the item to the job working on it, and to who uploaded it: `uploadedBy` is the username
 * the file's place in imports/ names (uploads/<username>/), null for the drop folder. A username
 * no account has leaves it null.
 */
export async function startMediaProcessing(
  db: Db,
  {
    mediaId,
    jobId,
    originalName,
    uploadedBy,
  }: { mediaId: string; jobId: number; originalName: string; uploadedBy: string | null },
): Promise<void> {
  await db
    .updateTable('media_files')
    .set((eb) => ({
      status: 'processing',
      original_name: originalName,
      uploaded_by:
        uploadedBy === null
          ? null
          : eb.selectFrom('users').select('users.id').where('users.username', '=', uploadedBy).limit(1),
      error: null,
      error_code: null,
      processing_started_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', mediaId)
    .execute();
  await db.updateTable('processing_queue').set({ media_id: mediaId }).where('id', '=', jobId).execute();
}
