import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import { completed, isFavouriteOf, libraryColumns, type LibraryRow } from './mediaLibrary.js';

/** How far back "On this day" looks: a century of scanned prints is plenty. */
export const onThisDayYearsBack = 100;

export interface OnThisDayQuery {
  /** The viewer's today, as a calendar date: year, month (1–12) and day. */
  year: number;
  month: number;
  day: number;
  /** The viewer's IANA time zone: "that day" runs from their midnight to their midnight. */
  timeZone: string;
  /** Whose favourites `is_favourite` reports. */
  viewer: string;
  limit: number;
}

export type OnThisDayRow = Omit<LibraryRow, 'sort_key'> & { year: number };

/** The same month and day in each earlier year, skipping 29 February in the years without one. */
export function earlierSameDays({ year, month, day }: Pick<OnThisDayQuery, 'year' | 'month' | 'day'>): string[] {
  const days: string[] = [];
  for (let earlier = year - 1; earlier >= year - onThisDayYearsBack; earlier -= 1) {
    const date = new Date(Date.UTC(earlier, month - 1, day));
    if (date.getUTCMonth() !== month - 1) continue;
    days.push(`${String(earlier).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return days;
}

/**
 * Items taken (or, undated, added) on this month and day in earlier years, newest year first.
 * One day-long range of sort_date per year, so each is a range scan of the gallery's
 * sort_date index rather than a month/day expression over every row.
 */
export async function onThisDay(db: Db, q: OnThisDayQuery): Promise<OnThisDayRow[]> {
  const days = earlierSameDays(q);
  if (days.length === 0) return [];
  return completed(db, {})
    .select(libraryColumns)
    .select(isFavouriteOf(q.viewer).as('is_favourite'))
    .select(sql<number>`extract(year FROM sort_date AT TIME ZONE ${q.timeZone})::int`.as('year'))
    .where((eb) =>
      eb.or(
        days.map(
          (day) =>
            sql<boolean>`(sort_date >= (${day}::date)::timestamp AT TIME ZONE ${q.timeZone} AND sort_date < (${day}::date + 1)::timestamp AT TIME ZONE ${q.timeZone})`,
        ),
      ),
    )
    .orderBy(sql`sort_date DESC`)
    .orderBy(sql`id DESC`)
    .limit(q.limit)
    .execute();
}
