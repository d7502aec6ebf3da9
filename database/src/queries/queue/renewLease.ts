import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import { changedARow, heldByWorker } from './heldByWorker.js';

/** Extends this worker's lease; false means the job is no longer ours (taken over or finished). */
export async function renewLease(
  db: Db,
  { jobId, workerId, leaseSeconds }: { jobId: number; workerId: string; leaseSeconds: number },
): Promise<boolean> {
  const result = await db
    .updateTable('processing_queue')
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .$call(heldByWorker(jobId, workerId))
    .executeTakeFirst();
  return changedARow(result);
}
