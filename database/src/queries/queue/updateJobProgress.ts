import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import { heldByWorker } from './heldByWorker.js';

/** What the admin page shows for a running job. */
export async function updateJobProgress(
  db: Db,
  { jobId, workerId, stage, progress }: { jobId: number; workerId: string; stage: string; progress: number },
): Promise<void> {
  await db
    .updateTable('processing_queue')
    .set({ stage, progress: Math.max(0, Math.min(100, progress)), updated_at: sql<Date>`now()` })
    .$call(heldByWorker(jobId, workerId))
    .execute();
}
