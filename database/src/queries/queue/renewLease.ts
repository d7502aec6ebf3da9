import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/** Extends this worker's lease; false means the job is no longer ours (taken over or finished). */
export async function renewLease(
  db: Db,
  { jobId, workerId, leaseSeconds }: { jobId: string; workerId: string; leaseSeconds: number },
): Promise<boolean> {
  const result = await db
    .updateTable('processing_queue')
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', jobId)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
