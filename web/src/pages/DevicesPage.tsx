import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { signOut } from '../api/auth';
import { endSession } from '../api/sessionEnded';
import { fetchSessions, revokeSession } from '../api/sessions';
import type { DeviceSession } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { formatDateTime, formatRelative } from '../format/formatDate';
import '../styles/devices.css';

/** Where this account is signed in, with a way to end any of those sessions. */
export function DevicesPage() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: fetchSessions, staleTime: 0 });
  const [confirmAll, setConfirmAll] = useState(false);

  const revoke = useMutation({
    mutationFn: (session: DeviceSession) => revokeSession(session.id),
    onSuccess: (_result, session) => {
      if (session.current) endSession({ code: 'SIGNED_OUT', message: 'You signed this device out.' });
      else void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const everywhere = useMutation({ mutationFn: () => signOut(true) });

  return (
    <section className="page narrow" aria-labelledby="devices-title">
      <h1 id="devices-title">My devices</h1>
      <p className="muted">
        Every browser signed in to your account. Sign out any you do not recognise, or one you lost: it stops at once,
        even in the middle of a video.
      </p>
      {sessions.isPending ? (
        <Loading label="Loading your devices" />
      ) : sessions.isError ? (
        <ErrorNotice error={sessions.error} action="load your devices" onRetry={() => void sessions.refetch()} />
      ) : (
        <ul className="device-list">
          {sessions.data.map((session) => (
            <li key={session.id} className="device" data-current={session.current || undefined}>
              <div className="device-main">
                <span className="device-name">
                  {session.device_name}
                  {session.current && <span className="badge">This device</span>}
                </span>
                <span className="muted">
                  {describeType(session.device_type)}
                  {session.ip ? ` · ${session.ip}` : ''}
                </span>
                <span className="muted">
                  Last active{' '}
                  <time dateTime={session.last_activity_at} title={formatDateTime(session.last_activity_at)}>
                    {formatRelative(session.last_activity_at)}
                  </time>{' '}
                  · signed in {formatDateTime(session.created_at)}
                </span>
              </div>
              <button
                type="button"
                className="button danger"
                disabled={revoke.isPending && revoke.variables?.id === session.id}
                onClick={() => revoke.mutate(session)}
                aria-label={`Sign out ${session.device_name}${session.current ? ' (this device)' : ''}`}
              >
                Sign out
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && <ErrorNotice error={revoke.error} action="sign that device out" />}
      <div className="danger-zone">
        {confirmAll ? (
          <p role="alert">
            Sign out every device, this one included?{' '}
            <button type="button" className="button danger" onClick={() => everywhere.mutate()}>
              Yes, sign out everywhere
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirmAll(false)}>
              Cancel
            </button>
          </p>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmAll(true)}>
            Sign out everywhere
          </button>
        )}
        {everywhere.isError && <ErrorNotice error={everywhere.error} action="sign out everywhere" />}
      </div>
    </section>
  );
}

function describeType(type: string): string {
  const names: Record<string, string> = { desktop: 'Computer', mobile: 'Phone', tablet: 'Tablet', tv: 'TV' };
  return names[type] ?? 'Device';
}
