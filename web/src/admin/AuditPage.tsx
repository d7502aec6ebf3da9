import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { fetchAudit, fetchUsers } from '../api/admin';
import type { AuditEntry, AuditFilters } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/formatDate';

/** Who did what, from where: filter by person, action and time span. */
export function AuditPage() {
  const id = useId();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: fetchUsers });
  const audit = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) => fetchAudit(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const names = new Map((users.data ?? []).map((user) => [user.id, user.username]));
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      user_id: draft.user_id || undefined,
      action: draft.action?.trim() || undefined,
      from: draft.from ? new Date(draft.from).toISOString() : undefined,
      to: draft.to ? new Date(draft.to).toISOString() : undefined,
    });
  };
  const set = (field: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  return (
    <div>
      <form className="filters" onSubmit={apply} aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor={`${id}-user`}>Person</label>
          <select id={`${id}-user`} value={draft.user_id ?? ''} onChange={set('user_id')}>
            <option value="">Everyone</option>
            {(users.data ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.username}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <input
            id={`${id}-action`}
            placeholder="e.g. auth.login"
            value={draft.action ?? ''}
            onChange={set('action')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="datetime-local" value={draft.from ?? ''} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="datetime-local" value={draft.to ?? ''} onChange={set('to')} />
        </div>
        <button type="submit" className="button primary">
          Show
        </button>
      </form>
      {audit.isPending ? (
        <Loading label="Loading the audit log" />
      ) : audit.isError ? (
        <ErrorNotice error={audit.error} action="load the audit log" onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <p className="empty-state">No entries match.</p>
      ) : (
        <div className="table-scroll">
          <table className="table audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">From</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.created_at)}</td>
                  <td>{entry.username ?? (entry.user_id ? (names.get(entry.user_id) ?? 'unknown') : '—')}</td>
                  <td>
                    <code>{entry.action}</code>
                    {entry.status !== null && entry.status >= 400 && (
                      <span className="status-pill failed">{entry.status}</span>
                    )}
                  </td>
                  <td>
                    {entry.client_ip ?? '—'}
                    {entry.via_vpn && <span className="badge">VPN</span>}
                  </td>
                  <td className="details-cell">{describeDetails(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton pager={audit} label="Load older entries" />
    </div>
  );
}

function describeDetails(entry: AuditEntry): string {
  const parts = Object.entries(entry.details ?? {})
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return parts.join(' · ') || '—';
}
