import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import { completed, sortExpressions, type LibraryFilter } from './mediaLibrary.js';

export interface MonthCount {
  /** `YYYY-MM`, in UTC. */
  month: string;
  count: number;
}

/**
 * How many items of the view fall in each month (UTC) of a date order, newest month first:
 * what the timeline scrubber draws, counted by the database rather than from loaded rows.
 * One pass over the gallery index's range; months without items are left out.
 */
export async function libraryMonths(db: Db, filter: LibraryFilter, sort: 'taken' | 'created'): Promise<MonthCount[]> {
  const month = sql<string>`to_char(${sortExpressions[sort].column} AT TIME ZONE 'UTC', 'YYYY-MM')`;
  const rows = await completed(db, filter)
    .select(month.as('month'))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .groupBy(month)
    .orderBy(month, 'desc')
    .execute();
  return rows.map((row) => ({ month: row.month, count: Number(row.count) }));
}
