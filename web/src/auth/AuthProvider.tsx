import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { NetworkError } from '../api/ApiError';
import { onAuthMessage } from '../api/authChannel';
import { refreshSession } from '../api/refreshSession';
import { endSession, endsSession, signedOutReasonFor } from '../api/sessionEnded';
import { sessionStore, type CurrentSession, type SignedOutReason } from '../api/sessionStore';
import { signedInHint } from '../api/signedInHint';

export interface AuthState {
  /** `checking` while a reload asks the refresh cookie whether we are still signed in. */
  status: 'checking' | 'signed-in' | 'signed-out';
  session: CurrentSession | null;
  /** Why this device was signed out, when it did not ask to be. */
  signedOutReason: SignedOutReason | null;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const signedOutReason = useSyncExternalStore(sessionStore.subscribe, sessionStore.lastSignOut);
  const [checking, setChecking] = useState(() => !session && signedInHint.get());

  useEffect(() => {
    if (!checking) return;
    refreshSession()
      .catch((error: unknown) => {
        if (endsSession(error)) endSession(signedOutReasonFor(error));
        else if (error instanceof NetworkError) sessionStore.clear({ code: 'NETWORK', message: error.message });
        else endSession(null);
      })
      .finally(() => setChecking(false));
  }, [checking]);

  useEffect(
    () =>
      onAuthMessage((message) => {
        if (message.type === 'session') sessionStore.set(message.session);
        else sessionStore.clear(message.reason);
      }),
    [],
  );

  const status = session ? 'signed-in' : checking ? 'checking' : 'signed-out';
  return <AuthContext.Provider value={{ status, session, signedOutReason }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside <AuthProvider>');
  return state;
}
