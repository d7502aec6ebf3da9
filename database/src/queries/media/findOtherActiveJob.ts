import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/** Another job currently working on this item under a live lease (the same content dropped twice). */
export async function findOtherActiveJob(
  db: Db,
  { mediaId, jobId }: { mediaId: string; jobId: number },
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('processing_queue')
    .select('id')
    .where('media_id', '=', mediaId)
    .where('id', '!=', jobId)
    .where('status', '=', 'processing')
    .where('lease_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
}
