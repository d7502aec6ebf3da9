import type { Db } from '../db/createDb.js';
import type { NewSession, Session } from '../db/schema.js';

/** Marks every live session of a user revoked; returns their ids so the live entries can go too. */
export async function revokeSessionsOfUser(db: Db, userId: string, reason: string): Promise<string[]> {
  const rows = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Marks the given sessions revoked (those not revoked already); returns the ids it changed. */
export async function revokeSessions(db: Db, ids: string[], reason: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', 'in', ids)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertSession(db: Db, session: NewSession): Promise<Session> {
  return db.insertInto('sessions').values(session).returningAll().executeTakeFirstOrThrow();
}

export async function findSessionById(db: Db, id: string): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user's sessions that were never revoked, least recently active first (eviction order). */
export async function listUnrevokedSessions(db: Db, userId: string): Promise<Session[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('last_activity_at', 'asc')
    .orderBy('created_at', 'asc')
    .execute();
}

/**
 * Swaps the refresh token hash only if the presented one is still current, so two
 * concurrent refreshes with the same token cannot both succeed.
 */
export async function rotateRefreshTokenHash(
  db: Db,
  id: string,
  currentHash: string,
  nextHash: string,
  activity: { ip: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ refresh_token_hash: nextHash, last_activity_at: new Date(), ip: activity.ip })
    .where('id', '=', id)
    .where('refresh_token_hash', '=', currentHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function recordSessionActivity(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_activity_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Serialises sign-ins of one user (device limit, one live session per device) inside a transaction. */
export async function lockUserForSessionChange(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** What decides whether a session may still be used, besides its live entry: read on every request. */
export interface SessionStanding {
  user_id: string;
  revoked_at: Date | null;
  expires_at: Date;
  user_active: boolean;
}

/** The session's row and its account's state in one round trip (the durable half of revocation). */
export async function findSessionStanding(db: Db, id: string): Promise<SessionStanding | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.revoked_at', 'sessions.expires_at', 'users.is_active as user_active'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}
