import type { LibraryQuery } from '../api/media';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Where a page jumped to `month` (`YYYY-MM`, UTC, as the scrubber's counts are) starts: newest
 * first, every item before the next month begins; oldest first, from the month's first instant.
 * Null for anything that is not a month, or an order that is not by date.
 */
export function jumpStart(month: string, order: LibraryQuery['order'], sort: LibraryQuery['sort']): string | null {
  const match = monthPattern.exec(month);
  if (!match || sort === 'name') return null;
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  return new Date(Date.UTC(year, order === 'desc' ? monthNumber : monthNumber - 1, 1)).toISOString();
}

/** "June 2019" for `2019-06`. */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}
