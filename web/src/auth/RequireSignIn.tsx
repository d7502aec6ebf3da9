import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { ServerEventsProvider } from '../events/ServerEvents';
import { useAuth } from './AuthProvider';

/** Pages behind sign-in; anyone else goes to the sign-in page and comes back after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status, session } = useAuth();
  const location = useLocation();
  const queryClient = useQueryClient();

  // Nothing of one person's library may linger for the next one to sign in here.
  useEffect(() => {
    if (status === 'signed-out') queryClient.clear();
  }, [status, queryClient]);

  if (status === 'checking') return <Loading label="Signing you in" />;
  if (status === 'signed-out' || !session) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <ServerEventsProvider key={session.sessionId}>{children}</ServerEventsProvider>;
}
