import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import { changedARow, heldByWorker } from './heldByWorker.js';

/**
 * Marks the job done, only if this worker still holds it: a worker that lost its lease
 * must not publish over the one that took the job over. Run inside the publish transaction.
 */
export async function completeJob(
  db: Db,
  {
    jobId,
    workerId,
    mediaId,
    stage = 'completed',
  }: { jobId: number; workerId: string; mediaId: string | null; stage?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('processing_queue')
    .set({
      status: 'completed',
      stage,
      progress: 100,
      media_id: mediaId,
      error: null,
      error_code: null,
      lease_until: null,
      completed_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .$call(heldByWorker(jobId, workerId))
    .executeTakeFirst();
  return changedARow(result);
}
