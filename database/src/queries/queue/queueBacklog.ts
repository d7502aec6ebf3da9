import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

export interface QueueBacklog {
  /** Jobs queued or being processed (by anyone). */
  pending: number;
  /** Seconds until the earliest queued job may run (0 when one is ready now), null when none is queued. */
  nextRunInSeconds: number | null;
}

/** Whether anything is left to do, so a one-shot run knows when to stop. */
export async function queueBacklog(db: Db): Promise<QueueBacklog> {
  const row = await db
    .selectFrom('processing_queue')
    .select([
      sql<number>`count(*)::int`.as('pending'),
      sql<number | null>`extract(epoch from (min(run_after) filter (where status = 'queued') - now()))::float8`.as(
        'nextRunInSeconds',
      ),
    ])
    .where('status', 'in', ['queued', 'processing'])
    .executeTakeFirstOrThrow();
  const next = row.nextRunInSeconds;
  return { pending: row.pending, nextRunInSeconds: next === null ? null : Math.max(0, next) };
}
