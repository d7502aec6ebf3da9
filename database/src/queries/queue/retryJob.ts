import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import { changedARow, heldByWorker } from './heldByWorker.js';

export interface RetryOptions {
  jobId: number;
  workerId: string;
  delaySeconds: number;
  error?: string;
  errorCode?: string;
  /** A release that was not the job's fault (shutdown, waiting on a duplicate) gives the attempt back. */
  refundAttempt?: boolean;
  /** The stage it waits in (default: 'queued' for a release, 'retrying' after a failure). */
  stage?: string;
}

/** Puts the job back in the queue to run after a delay (backoff after a failure, or a release). */
export async function retryJob(db: Db, options: RetryOptions): Promise<boolean> {
  const result = await db
    .updateTable('processing_queue')
    .set({
      status: 'queued',
      run_after: sql<Date>`now() + make_interval(secs => ${options.delaySeconds})`,
      lease_until: null,
      worker_id: null,
      stage: options.stage ?? (options.refundAttempt ? 'queued' : 'retrying'),
      progress: 0,
      ...(options.refundAttempt ? { attempts: sql<number>`greatest(attempts - 1, 0)` } : {}),
      ...(options.error === undefined ? {} : { error: options.error, error_code: options.errorCode ?? null }),
      updated_at: sql<Date>`now()`,
    })
    .$call(heldByWorker(options.jobId, options.workerId))
    .executeTakeFirst();
  return changedARow(result);
}
