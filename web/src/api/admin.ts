import { apiFetch } from './apiFetch';
import { queryUrl } from './queryUrl';
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

export async function createUser(user: NewUser): Promise<AdminUser> {
  return (await apiFetch<{ user: AdminUser }>('/api/admin/users', { method: 'POST', body: user })).user;
}

export async function updateUser(id: string, change: { is_active?: boolean; role?: Role }): Promise<AdminUser> {
  const path = `/api/admin/users/${encodeURIComponent(id)}`;
  return (await apiFetch<{ user: AdminUser }>(path, { method: 'PATCH', body: change })).user;
}

export function resetUserPassword(id: string, password: string): Promise<void> {
  return apiFetch<void>(`/api/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } });
}

export interface QueuePage {
  jobs: QueueJob[];
  counts: Partial<Record<QueueStatus, number>>;
  next_cursor: string | null;
}

export function fetchQueue(status: QueueStatus | 'all', cursor: string | null): Promise<QueuePage> {
  return apiFetch<QueuePage>(
    queryUrl('/api/admin/queue', { limit: 50, status: status === 'all' ? undefined : status, cursor }),
  );
}

export async function retryJob(id: number): Promise<QueueJob> {
  return (await apiFetch<{ job: QueueJob }>(`/api/admin/queue/${id}/retry`, { method: 'POST' })).job;
}

export function fetchAudit(filters: AuditFilters, cursor: string | null): Promise<AuditPage> {
  return apiFetch<AuditPage>(queryUrl('/api/admin/audit', { ...filters, cursor }));
}

export function fetchStorage(): Promise<StorageUse> {
  return apiFetch<StorageUse>('/api/admin/storage');
}

export function fetchSystemStatus(): Promise<SystemStatus> {
  return apiFetch<SystemStatus>('/api/admin/status');
}
