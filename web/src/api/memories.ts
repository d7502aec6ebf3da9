import { apiFetch } from './apiFetch';
import { queryUrl } from './queryUrl';
import type { MemoryGroup, UnfinishedVideo } from './types';

/** The viewer's own today and time zone: "On this day" is their day, not the server's. */
export function viewersToday(now = new Date()): { date: string; tz: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}

export async function fetchOnThisDay(signal?: AbortSignal): Promise<MemoryGroup[]> {
  const url = queryUrl('/api/media/library/on-this-day', viewersToday());
  return (await apiFetch<{ groups: MemoryGroup[] }>(url, { signal })).groups;
}

export async function fetchContinueWatching(signal?: AbortSignal): Promise<UnfinishedVideo[]> {
  return (await apiFetch<{ items: UnfinishedVideo[] }>('/api/media/library/continue-watching', { signal })).items;
}

export function dismissContinueWatching(id: string): Promise<void> {
  return apiFetch<void>(`/api/media/${encodeURIComponent(id)}/continue-watching`, { method: 'DELETE' });
}
