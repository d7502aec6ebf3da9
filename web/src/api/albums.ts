import { apiFetch } from './apiFetch';
import type { Album, AlbumChange } from './types';

const albumPath = (id: string) => `/api/albums/${encodeURIComponent(id)}`;

export async function fetchAlbums(signal?: AbortSignal): Promise<Album[]> {
  return (await apiFetch<{ albums: Album[] }>('/api/albums', { signal })).albums;
}

export function fetchAlbum(id: string, signal?: AbortSignal): Promise<Album> {
  return apiFetch<Album>(albumPath(id), { signal });
}

export function createAlbum(album: { name: string; description?: string }): Promise<Album> {
  return apiFetch<Album>('/api/albums', { method: 'POST', body: album });
}

/** Rename, describe, or pick the cover (`cover_media_id: null` goes back to the first item). */
export function updateAlbum(id: string, change: AlbumChange): Promise<Album> {
  return apiFetch<Album>(albumPath(id), { method: 'PATCH', body: change });
}

/** Deletes the album only: its items stay in the gallery. */
export function deleteAlbum(id: string): Promise<void> {
  return apiFetch<void>(albumPath(id), { method: 'DELETE' });
}

/** The server takes at most this many ids in one request. */
const addBatch = 500;

/** Adds the items (a big selection in several requests); those already there are left alone. */
export async function addToAlbum(id: string, mediaIds: string[]): Promise<{ added: number; item_count: number }> {
  let result = { added: 0, item_count: 0 };
  for (let start = 0; start < mediaIds.length; start += addBatch) {
    const answer = await apiFetch<{ added: number; item_count: number }>(`${albumPath(id)}/items`, {
      method: 'POST',
      body: { media_ids: mediaIds.slice(start, start + addBatch) },
    });
    result = { added: result.added + answer.added, item_count: answer.item_count };
  }
  return result;
}

export function removeFromAlbum(id: string, mediaId: string): Promise<void> {
  return apiFetch<void>(`${albumPath(id)}/items/${encodeURIComponent(mediaId)}`, { method: 'DELETE' });
}
