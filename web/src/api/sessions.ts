import { apiFetch } from './apiFetch';
import type { DeviceSession } from './types';

export async function fetchSessions(): Promise<DeviceSession[]> {
  return (await apiFetch<{ sessions: DeviceSession[] }>('/api/sessions')).sessions;
}

export function revokeSession(id: string): Promise<void> {
  return apiFetch<void>(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
