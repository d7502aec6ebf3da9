import { apiFetch } from './apiFetch';
import { queryUrl } from './queryUrl';
import type { LibraryPage, LibrarySort, MediaDetails, MediaType, MonthCount, SortOrder } from './types';

export interface LibraryQuery {
  type: MediaType | 'all';
  /** Only the signed-in person's favourites. */
  favourites: boolean;
  sort: LibrarySort;
  order: SortOrder;
  /** The search box's text, as typed; the server reads words and dates out of it. */
  q?: string;
  /** Only the items of this album. */
  album?: string;
  /** A jump to a month: the instant the page starts at (ISO; desc: items before it, asc: from it). */
  from?: string;
}

/** The view's filter, as the library and its months both take it. */
function filterOf(query: LibraryQuery) {
  return {
    type: query.type === 'all' ? undefined : query.type,
    favourites: query.favourites || undefined,
    q: query.q,
    album: query.album,
  };
}

export function fetchLibraryPage(
  query: LibraryQuery,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<LibraryPage> {
  const url = queryUrl('/api/media/library', {
    ...filterOf(query),
    sort: query.sort,
    order: query.order,
    limit,
    from: query.from,
    cursor,
  });
  return apiFetch<LibraryPage>(url, { signal });
}

/** How many items of the view each month (UTC) holds, newest first: the timeline scrubber's scale. */
export async function fetchLibraryMonths(query: LibraryQuery, signal?: AbortSignal): Promise<MonthCount[]> {
  const url = queryUrl('/api/media/library/months', {
    ...filterOf(query),
    sort: query.sort === 'created' ? 'created' : 'taken',
  });
  return (await apiFetch<{ months: MonthCount[] }>(url, { signal })).months;
}

export function fetchMediaDetails(id: string, signal?: AbortSignal): Promise<MediaDetails> {
  return apiFetch<MediaDetails>(`/api/media/${encodeURIComponent(id)}`, { signal });
}

export function savePlaybackPosition(id: string, positionSeconds: number, keepalive = false): Promise<void> {
  return apiFetch<void>(`/api/media/${encodeURIComponent(id)}/progress`, {
    method: 'PUT',
    body: { position_seconds: Math.max(0, Math.round(positionSeconds * 10) / 10) },
    keepalive,
  });
}

export function setFavourite(id: string, favourite: boolean): Promise<void> {
  return apiFetch<void>(`/api/media/${encodeURIComponent(id)}/favourite`, { method: favourite ? 'PUT' : 'DELETE' });
}

/** Sets the item's caption; empty text clears it. */
export function saveCaption(id: string, caption: string): Promise<void> {
  return apiFetch<void>(`/api/media/${encodeURIComponent(id)}`, { method: 'PATCH', body: { caption } });
}
