import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { QueueJob, QueueStatus } from '../db/schema.js';

export interface QueueListFilter {
  status?: QueueStatus;
  /** Keyset: jobs updated before this (`cursor_at` of the last row seen, id). */
  before?: { at: string; id: number };
  limit: number;
}

/** The processing queue for the admin page, most recently changed first. */
export async function listQueueJobs(db: Db, filter: QueueListFilter): Promise<(QueueJob & { cursor_at: string })[]> {
  let query = db
    .selectFrom('processing_queue')
    .selectAll()
    // updated_at as PostgreSQL text: microsecond-exact, for paging cursors.
    .select(sql<string>`updated_at::text`.as('cursor_at'))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where(sql<boolean>`(updated_at, id) < (${at}::timestamptz, ${id})`);
  }
  return query.execute();
}

export async function countQueueJobsByStatus(db: Db): Promise<Record<QueueStatus, number>> {
  const rows = await db
    .selectFrom('processing_queue')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  const counts: Record<QueueStatus, number> = { queued: 0, processing: 0, completed: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function findQueueJob(db: Db, id: number): Promise<QueueJob | undefined> {
  return db.selectFrom('processing_queue').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Puts a failed job back in the queue (ARCHITECTURE.md, Queue): the processor takes the file
 * from `failed_path`. Only a failed job can be retried; returns undefined otherwise.
 */
export async function retryFailedJob(db: Db, id: number): Promise<QueueJob | undefined> {
  return db
    .updateTable('processing_queue')
    .set({
      status: 'queued',
      attempts: 0,
      run_after: sql<Date>`now()`,
      lease_until: null,
      worker_id: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}
