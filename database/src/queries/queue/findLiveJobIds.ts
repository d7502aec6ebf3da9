import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/** Jobs some worker holds a current lease on: their staging folders are in use. */
export async function findLiveJobIds(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('processing_queue')
    .select('id')
    .where('status', '=', 'processing')
    .where('lease_until', '>', sql<Date>`now()`)
    .execute();
  return new Set(rows.map((row) => String(row.id)));
}
