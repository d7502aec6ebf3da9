import { ApiError, NetworkError } from './ApiError';
import { broadcastAuth } from './authChannel';
import { isExpiring, sessionStore, toCurrentSession, type CurrentSession } from './sessionStore';
import type { AuthSession } from './types';

let inFlight: Promise<CurrentSession> | null = null;

/**
 * A new access token through the httpOnly refresh cookie. Single-flight: the refresh token
 * is rotated on every use and presenting an old one revokes the whole session, so two
 * refreshes must never race — not within this tab (one shared promise) and not across tabs
 * (a Web Lock; a tab that waited adopts the token the other tab broadcast instead of
 * spending the cookie again).
 */
export function refreshSession(): Promise<CurrentSession> {
  inFlight ??= refreshOnce().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function refreshOnce(): Promise<CurrentSession> {
  const requestedAt = Date.now();
  return withRefreshLock(async () => {
    const adopted = sessionStore.get();
    if (adopted && adopted.receivedAt >= requestedAt && !isExpiring(adopted)) return adopted;
    let response: Response;
    try {
      response = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    const session = toCurrentSession((await response.json()) as AuthSession);
    sessionStore.set(session);
    broadcastAuth({ type: 'session', session });
    return session;
  });
}

function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  // Web Locks exist in every current browser (secure contexts); older ones get the in-tab guard only.
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  return locks.request('keepsake-auth-refresh', task) as Promise<T>;
}
