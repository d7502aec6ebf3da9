import { randomUUID } from 'node:crypto';
import { sessions, users, type Db, type DeviceType, type PublicUser, type Session } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';
import type { LiveSessions } from './LiveSessions.js';
import { endedByTime } from './sessionEndedError.js';
import { hashRefreshToken, newRefreshToken, refreshTokenSessionId, sameHash } from './refreshToken.js';

export interface SessionServiceDeps {
  db: Db;
  live: LiveSessions;
  maxDevicesPerUser: number;
  /** A session lasts at most this long, however active (SESSION_LIFETIME_DAYS); then the person signs in again. */
  lifetimeMs: number;
}

export interface NewDevice {
  deviceId: string;
  deviceName: string;
  deviceType: DeviceType;
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  session: Session;
  refreshToken: string;
}

export interface SignedInSession extends IssuedSession {
  /** Sessions signed out to stay within MAX_DEVICES_PER_USER (for the audit log). */
  evicted: Session[];
}

/**
 * Opens a session for a user who proved who they are. One live session per device: signing
 * in again on a device replaces its session. Sessions gone idle are closed, and when the
 * device limit is reached the least recently active session is evicted.
 */
export async function openSession(
  { db, live, maxDevicesPerUser, lifetimeMs }: SessionServiceDeps,
  userId: string,
  device: NewDevice,
): Promise<SignedInSession> {
  const id = randomUUID();
  const refreshToken = newRefreshToken(id);
  const { session, ended, evicted } = await db.transaction().execute(async (trx) => {
    await sessions.lockUserForSessionChange(trx, userId);
    const open = await sessions.listUnrevokedSessions(trx, userId);
    const sameDevice = open.filter((s) => s.device_id === device.deviceId);
    const others = open.filter((s) => s.device_id !== device.deviceId);
    const liveIds = await live.whichLive(others.map((s) => s.id));
    const idle = others.filter((s) => !liveIds.has(s.id));
    const stillLive = others.filter((s) => liveIds.has(s.id));
    const evicted = stillLive.slice(0, Math.max(0, stillLive.length - (maxDevicesPerUser - 1)));

    await sessions.revokeSessions(trx, ids(sameDevice), 'signed in again on this device');
    await sessions.revokeSessions(trx, ids(idle), 'idle timeout');
    await sessions.revokeSessions(trx, ids(evicted), 'device limit reached');
    const session = await sessions.insertSession(trx, {
      id,
      user_id: userId,
      device_id: device.deviceId,
      device_name: device.deviceName,
      device_type: device.deviceType,
      ip: device.ip,
      user_agent: device.userAgent,
      refresh_token_hash: hashRefreshToken(refreshToken),
      last_activity_at: new Date(),
      expires_at: new Date(Date.now() + lifetimeMs),
    });
    return { session, ended: [...sameDevice, ...idle, ...evicted], evicted };
  });
  await live.end(ids(ended));
  await live.start(session.id, userId);
  return { session, refreshToken, evicted };
}

export interface RefreshedSession extends IssuedSession {
  user: PublicUser;
}

/** The outcome the caller must act on besides the error: a reused token revoked the session. */
export class RefreshTokenReused extends ApiError {
  constructor(readonly session: Session) {
    super('AUTH_007', 'This sign-in was used from somewhere else, so it has been ended; please sign in again.');
  }
}

/**
 * Trades a refresh token for a new one (rotation). An already-used token revokes the
 * session: either the person or a thief holds a copy, and we cannot tell which.
 */
export async function refreshSession(
  { db, live }: SessionServiceDeps,
  token: string | undefined,
  ip: string | null,
): Promise<RefreshedSession> {
  const sessionId = token ? refreshTokenSessionId(token) : null;
  if (!token || !sessionId) throw new ApiError('AUTH_003', 'No valid refresh token: please sign in.');
  const session = await sessions.findSessionById(db, sessionId);
  if (!session) throw new ApiError('AUTH_003', 'No valid refresh token: please sign in.');
  if (session.revoked_at) throw new ApiError(endedByTime(session.revoked_reason) ? 'AUTH_004' : 'AUTH_007');

  const presented = hashRefreshToken(token);
  if (!sameHash(presented, session.refresh_token_hash)) {
    if (await live.isRetiredRefreshToken(session.id, presented)) {
      await endSessions({ db, live }, [session.id], 'refresh token reused');
      throw new RefreshTokenReused(session);
    }
    throw new ApiError('AUTH_003', 'No valid refresh token: please sign in.');
  }
  if (session.expires_at.getTime() <= Date.now()) {
    await endSessions({ db, live }, [session.id], 'expired');
    throw new ApiError('AUTH_004');
  }
  if ((await live.touch(session.id)) === null) {
    await endSessions({ db, live }, [session.id], 'idle timeout');
    throw new ApiError('AUTH_004');
  }
  const user = await users.findUserById(db, session.user_id);
  if (!user) throw new ApiError('AUTH_003', 'This account no longer exists.');
  if (!user.is_active) throw new ApiError('AUTH_008');

  const refreshToken = newRefreshToken(session.id);
  const rotated = await sessions.rotateRefreshTokenHash(db, session.id, presented, hashRefreshToken(refreshToken), {
    ip,
  });
  if (!rotated) {
    // Another request rotated this very token a moment ago: the same token was used twice.
    await endSessions({ db, live }, [session.id], 'refresh token reused');
    throw new RefreshTokenReused(session);
  }
  await live.retireRefreshToken(session.id, presented, session.expires_at.getTime() - Date.now());
  return { session, refreshToken, user };
}

/** Revokes sessions in the database and ends them live at once. */
export async function endSessions(
  { db, live }: Pick<SessionServiceDeps, 'db' | 'live'>,
  sessionIds: string[],
  reason: string,
): Promise<string[]> {
  const revoked = await sessions.revokeSessions(db, sessionIds, reason);
  await live.end(sessionIds);
  return revoked;
}

/** The user's sessions that are still live; those that went idle are closed on the way. */
export async function listLiveSessions(
  deps: Pick<SessionServiceDeps, 'db' | 'live'>,
  userId: string,
): Promise<Session[]> {
  const open = await sessions.listUnrevokedSessions(deps.db, userId);
  const liveIds = await deps.live.whichLive(ids(open));
  const idle = open.filter((s) => !liveIds.has(s.id));
  if (idle.length > 0) await sessions.revokeSessions(deps.db, ids(idle), 'idle timeout');
  return open.filter((s) => liveIds.has(s.id)).reverse();
}

function ids(list: Session[]): string[] {
  return list.map((s) => s.id);
}
