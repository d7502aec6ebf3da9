import type { AuthSession, User } from './types';

/**
 * The signed-in state, in memory only: the access token never touches storage, so a
 * script that reads localStorage finds nothing to steal. A reload gets a new one through
 * the httpOnly refresh cookie.
 */
export interface CurrentSession {
  accessToken: string;
  /** Epoch milliseconds after which the server will refuse the token. */
  expiresAt: number;
  sessionId: string;
  user: User;
  receivedAt: number;
}

export type SignedOutReason = { code: string; message: string };

type Listener = () => void;

let current: CurrentSession | null = null;
let lastSignOut: SignedOutReason | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function toCurrentSession(body: AuthSession, now = Date.now()): CurrentSession {
  return {
    accessToken: body.access_token,
    expiresAt: now + body.expires_in * 1000,
    sessionId: body.session_id,
    user: body.user,
    receivedAt: now,
  };
}

export const sessionStore = {
  get: (): CurrentSession | null => current,
  lastSignOut: (): SignedOutReason | null => lastSignOut,
  set(session: CurrentSession): void {
    current = session;
    lastSignOut = null;
    notify();
  },
  clear(reason: SignedOutReason | null): void {
    if (!current && lastSignOut === reason) return;
    current = null;
    lastSignOut = reason;
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Refresh a little before the server would refuse the token, so requests do not bounce. */
export function isExpiring(session: CurrentSession, now = Date.now()): boolean {
  return session.expiresAt - now < 20_000;
}
