import type { Db } from '../../db/createDb.js';

/** Drops a job whose file changed or vanished before it ran (a newer row, if any, covers it). */
export async function deleteJob(db: Db, { jobId, workerId }: { jobId: number; workerId: string }): Promise<void> {
  await db.deleteFrom('processing_queue').where('id', '=', jobId).where('worker_id', '=', workerId).execute();
}
