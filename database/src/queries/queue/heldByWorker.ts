import type { UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Narrows an update to a job this worker still holds: a worker whose lease was taken over
 * changes nothing, whatever it tries to write.
 */
export function heldByWorker(jobId: number, workerId: string) {
  return <O>(query: UpdateQueryBuilder<Database, 'processing_queue', 'processing_queue', O>) =>
    query.where('id', '=', jobId).where('worker_id', '=', workerId).where('status', '=', 'processing');
}

export function changedARow(result: UpdateResult): boolean {
  return result.numUpdatedRows > 0n;
}
