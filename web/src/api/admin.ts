import { apiFetch } from './apiFetch';
import type {
  AdminUser,
  AuditFilters,
  AuditPage,
  QueueJob,
  QueueStatus,
  Role,
  StorageUse,
  SystemStatus,
} from './types';

export async function fetchUsers(): Promise<AdminUser[]> {
  return (await apiFetch<{ users: AdminUser[] }>('/api/admin/users')).users;
}

export interface NewUser {
  username: string;
  email: string;
  full_name: string;
  role: Role;
  password: string;
}

export function createUser(user: NewUser): Promise<AdminUser> {
  return apiFetch<AdminUser>('/api/admin/users', { method: 'POST', body: user });
}

export function updateUser(id: string, change: { is_active?: boolean; role?: Role }): Promise<AdminUser> {
  return apiFetch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
}

export function resetUserPassword(id: string, password: string): Promise<void> {
  return apiFetch<void>(`/api/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } });
}

export async function fetchQueue(status: QueueStatus | 'all'): Promise<QueueJob[]> {
  const query = status === 'all' ? '' : `?status=${status}`;
  return (await apiFetch<{ jobs: QueueJob[] }>(`/api/admin/queue${query}`)).jobs;
}

export function retryJob(id: string): Promise<unknown> {
  return apiFetch<unknown>(`/api/admin/queue/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

export function fetchAudit(filters: AuditFilters, cursor: string | null): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return apiFetch<AuditPage>(`/api/admin/audit?${params}`);
}

export function fetchStorage(): Promise<StorageUse> {
  return apiFetch<StorageUse>('/api/admin/storage');
}

export function fetchSystemStatus(): Promise<SystemStatus> {
  return apiFetch<SystemStatus>('/api/admin/status');
}
