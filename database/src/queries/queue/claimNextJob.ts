import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import type { QueueJob } from '../../db/schema.js';

export interface ClaimOptions {
  workerId: string;
  leaseSeconds: number;
}

/**
 * Takes the next ready job, or one whose worker stopped renewing its lease (crashed),
 * for this worker. SKIP LOCKED lets any number of workers and processors claim at once
 * without ever handing one job to two of them.
 */
export async function claimNextJob(db: Db, { workerId, leaseSeconds }: ClaimOptions): Promise<QueueJob | undefined> {
  return db
    .updateTable('processing_queue')
    .set({
      status: 'processing',
      worker_id: workerId,
      lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql<number>`attempts + 1`,
      started_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
      stage: 'claimed',
      progress: 0,
    })
    .where(
      'id',
      '=',
      db
        .selectFrom('processing_queue')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', sql<Date>`now()`)]),
            eb.and([eb('status', '=', 'processing'), eb('lease_until', '<', sql<Date>`now()`)]),
          ]),
        )
        .orderBy('priority', 'desc')
        .orderBy('run_after')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}
