import { sessions, type Db } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';
import type { LiveSessions } from './LiveSessions.js';
import { sessionEndedError } from './sessionEndedError.js';

type Standing = NonNullable<Awaited<ReturnType<typeof sessions.findSessionStanding>>>;

/** Revoked or past its lifetime in the database: over, whatever Redis says. */
const endedInDatabase = (standing: Standing) =>
  standing.revoked_at !== null || standing.expires_at.getTime() <= Date.now();

export interface SessionCheckDeps {
  db: Db;
  live: LiveSessions;
  idleMinutes: number;
}

/**
 * The user id of a session that may be used now, else the error saying why not. Both halves
 * are asked at once: Redis for the idle timer (and touched), PostgreSQL for revocation, expiry
 * and the account being disabled. Every revoke writes the database first, so one whose Redis
 * delete failed still ends the session here, and disabling an account acts on the next request.
 * Either store failing makes the request fail, never succeed.
 */
export async function checkSession(deps: SessionCheckDeps, sessionId: string): Promise<string> {
  const [liveUserId, standing] = await Promise.all([
    deps.live.touch(sessionId),
    sessions.findSessionStanding(deps.db, sessionId),
  ]);
  if (!standing) throw new ApiError('AUTH_003', 'This sign-in no longer exists; please sign in again.');
  if (!standing.user_active) throw new ApiError('AUTH_008');
  if (endedInDatabase(standing) || liveUserId !== standing.user_id)
    throw await sessionEndedError(deps.db, sessionId, deps.idleMinutes);
  return standing.user_id;
}

/**
 * Whether a session still stands, without counting as activity (an open event stream's
 * keep-alive): live in Redis and, like checkSession, neither revoked, expired nor disabled in
 * the database — a revoke whose Redis delete failed ends the stream too.
 */
export async function sessionStands(deps: Pick<SessionCheckDeps, 'db' | 'live'>, sessionId: string): Promise<boolean> {
  const [live, standing] = await Promise.all([
    deps.live.isLive(sessionId),
    sessions.findSessionStanding(deps.db, sessionId),
  ]);
  return live && standing !== undefined && standing.user_active && !endedInDatabase(standing);
}
