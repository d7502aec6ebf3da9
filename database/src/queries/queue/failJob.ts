import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';
import { changedARow, heldByWorker } from './heldByWorker.js';

export interface FailOptions {
  jobId: number;
  workerId: string;
  error: string;
  errorCode: string;
  /** Where the file now sits, relative to IMPORTS_DIR (imports/failed/...). */
  failedPath: string | null;
  mediaId: string | null;
}

/** A failure for good: the admin page lists it, and a retry takes the file from failed_path. */
export async function failJob(db: Db, options: FailOptions): Promise<boolean> {
  const result = await db
    .updateTable('processing_queue')
    .set({
      status: 'failed',
      stage: 'failed',
      error: options.error,
      error_code: options.errorCode,
      failed_path: options.failedPath,
      media_id: options.mediaId,
      lease_until: null,
      completed_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .$call(heldByWorker(options.jobId, options.workerId))
    .executeTakeFirst();
  return changedARow(result);
}
