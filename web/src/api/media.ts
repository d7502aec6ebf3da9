import { apiFetch } from './apiFetch';
import type { LibraryPage, LibrarySort, MediaDetails, MediaType, SortOrder } from './types';

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
}

export function fetchLibraryPage(
  query: LibraryQuery,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<LibraryPage> {
  const params = new URLSearchParams({ sort: query.sort, order: query.order, limit: String(limit) });
  if (query.type !== 'all') params.set('type', query.type);
  if (query.favourites) params.set('favourites', 'true');
  if (query.q) params.set('q', query.q);
  if (query.album) params.set('album', query.album);
  if (cursor) params.set('cursor', cursor);
  return apiFetch<LibraryPage>(`/api/media/library?${params}`, { signal });
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
