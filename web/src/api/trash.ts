import { apiFetch } from './apiFetch';
import { queryUrl } from './queryUrl';
import type { TrashPage } from './types';

/** Items leave the library (and their links stop working) at once; the Trash page can bring them back. */
export async function moveToTrash(ids: string[]): Promise<string[]> {
  return (await apiFetch<{ trashed: string[] }>('/api/media/trash', { method: 'POST', body: { ids } })).trashed;
}

export function fetchTrash(cursor: string | null, signal?: AbortSignal): Promise<TrashPage> {
  return apiFetch<TrashPage>(queryUrl('/api/trash', { limit: 100, cursor }), { signal });
}

export async function restoreFromTrash(ids: string[]): Promise<string[]> {
  return (await apiFetch<{ restored: string[] }>('/api/trash/restore', { method: 'POST', body: { ids } })).restored;
}

/** Gone for good: the items' keys are destroyed, then their files. */
export async function deleteForever(ids: string[]): Promise<string[]> {
  return (await apiFetch<{ deleted: string[] }>('/api/trash/delete', { method: 'POST', body: { ids } })).deleted;
}

/** A trashed item's thumbnail: its signed URLs are 404 now, so the Trash page asks with its token. */
export function fetchTrashThumbnail(id: string, signal?: AbortSignal): Promise<Blob> {
  return apiFetch<Blob>(`/api/trash/${encodeURIComponent(id)}/thumbnail`, { signal, as: 'blob' });
}
