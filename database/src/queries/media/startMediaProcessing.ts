import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/** Ties the item to the job working on it. */
export async function startMediaProcessing(
  db: Db,
  { mediaId, jobId, originalName }: { mediaId: string; jobId: number; originalName: string },
): Promise<void> {
  await db
    .updateTable('media_files')
    .set({
      status: 'processing',
      original_name: originalName,
      error: null,
      error_code: null,
      processing_started_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', mediaId)
    .execute();
  await db.updateTable('processing_queue').set({ media_id: mediaId }).where('id', '=', jobId).execute();
}
