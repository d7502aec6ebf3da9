import { ApiError, NetworkError } from './ApiError';
import { markActivity } from './lastActivity';
import { refreshSession } from './refreshSession';
import { endSession, endsSession, refreshMayHelp, signedOutReasonFor } from './sessionEnded';
import { isExpiring, sessionStore } from './sessionStore';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Let the request outlive the page (the last progress heartbeat when a video closes). */
  keepalive?: boolean;
  /** `blob`: the answer's bytes (a picture behind the Bearer token), not JSON. */
  as?: 'json' | 'blob';
}

/** A valid access token, refreshing first when it is missing or about to expire. */
export async function accessToken(): Promise<string> {
  const session = sessionStore.get();
  if (session && !isExpiring(session)) return session.accessToken;
  return (await refreshSession().catch(failWith)).accessToken;
}

/** A token newer than `refused` (the one the server just turned down as expired). */
export async function freshAccessToken(refused: string): Promise<string> {
  const session = sessionStore.get();
  // Another request may have refreshed meanwhile; spending the cookie again would be waste.
  if (session && session.accessToken !== refused && !isExpiring(session)) return session.accessToken;
  return (await refreshSession().catch(failWith)).accessToken;
}

/**
 * An authenticated JSON call. A token the server finds expired is refreshed once and the
 * call repeated; a session the server has ended signs this device out with the reason.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const token = await accessToken();
  let response = await send(path, request, token);
  if (response.status === 401) {
    const error = await ApiError.fromResponse(response);
    if (!refreshMayHelp(error)) return failWith(error);
    response = await send(path, request, await freshAccessToken(token));
  }
  if (!response.ok) return failWith(await ApiError.fromResponse(response));
  markActivity();
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  if (request.as === 'blob') return (await response.blob()) as T;
  return (await response.json()) as T;
}

async function send(path: string, request: ApiRequest, token: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      keepalive: request.keepalive,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
}

function failWith(error: unknown): never {
  if (endsSession(error)) endSession(signedOutReasonFor(error));
  throw error;
}
