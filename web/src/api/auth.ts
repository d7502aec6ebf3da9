import { ApiError, NetworkError } from './ApiError';
import { apiFetch } from './apiFetch';
import { broadcastAuth } from './authChannel';
import { endSession } from './sessionEnded';
import { sessionStore, toCurrentSession, type CurrentSession } from './sessionStore';
import { signedInHint } from './signedInHint';
import type { AuthSession } from './types';

export interface Credentials {
  login: string;
  password: string;
  device_id: string;
  device_name: string;
}

export async function signIn(credentials: Credentials): Promise<CurrentSession> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(credentials),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  const session = toCurrentSession((await response.json()) as AuthSession);
  signedInHint.set(true);
  sessionStore.set(session);
  broadcastAuth({ type: 'session', session });
  return session;
}

/** Signs out here (and, when asked, every device); this device forgets the session even if the call fails. */
export async function signOut(everywhere = false): Promise<void> {
  try {
    await apiFetch<void>('/api/auth/logout', { method: 'POST', body: { logout_all_devices: everywhere } });
  } finally {
    endSession({ code: 'SIGNED_OUT', message: everywhere ? 'You signed out on every device.' : 'You signed out.' });
  }
}
