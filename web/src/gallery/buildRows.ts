import type { MediaItem } from '../api/types';

/** A row of the grid; `group` is the month (the grouping's key) it belongs to, null without grouping. */
export type GalleryRow = { group: string | null } &
  /** `ids`: the month's items loaded so far, for its "Select all". */
  ({ kind: 'header'; key: string; label: string; ids: string[] } | { kind: 'tiles'; key: string; items: MediaItem[] });

export interface Grouping {
  /** A stable key for the group an item belongs to (e.g. "2024-07"). */
  keyOf: (item: MediaItem) => string;
  labelOf: (key: string) => string;
}

/**
 * Lays the items out as the virtual list's rows: a header row where the group changes,
 * then rows of `columns` tiles. Without grouping (sorted by name), tiles only.
 */
export function buildRows(items: readonly MediaItem[], columns: number, grouping: Grouping | null): GalleryRow[] {
  const rows: GalleryRow[] = [];
  let group: string | null = null;
  let groupIds: string[] = [];
  let current: MediaItem[] = [];
  const flush = () => {
    if (current.length === 0) return;
    rows.push({ kind: 'tiles', key: `tiles:${current[0]!.id}`, items: current, group });
    current = [];
  };
  for (const item of items) {
    if (grouping) {
      const key = grouping.keyOf(item);
      if (key !== group) {
        flush();
        group = key;
        groupIds = [];
        rows.push({ kind: 'header', key: `header:${key}`, label: grouping.labelOf(key), ids: groupIds, group });
      }
      groupIds.push(item.id);
    }
    current.push(item);
    if (current.length === columns) flush();
  }
  flush();
  return rows;
}

/**
 * Groups by calendar month in UTC, on the date the gallery is sorted by: the months the scrubber
 * counts (the server's, UTC) and the jump's boundaries are UTC, so a header never says May where
 * the scrubber said June. Dates taken are the camera's wall clock, stored as UTC.
 */
export function monthGrouping(dateOf: (item: MediaItem) => string): Grouping {
  const keyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'UTC' });
  const labelFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return {
    keyOf: (item) => {
      const date = new Date(dateOf(item));
      return Number.isNaN(date.getTime()) ? 'unknown' : keyFormat.format(date).slice(0, 7);
    },
    labelOf: (key) => {
      if (key === 'unknown') return 'Date unknown';
      const [year, month] = key.split('-').map(Number);
      return labelFormat.format(new Date(Date.UTC(year!, month! - 1, 15)));
    },
  };
}
