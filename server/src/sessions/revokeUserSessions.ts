import { sessions, type Db } from '@keepsake/database';
import { type Redis } from '@keepsake/platform';
import { liveSessionKey } from './liveSessionKey.js';

/** Ends every session of a user at once: the row says why, and the live entry is gone for the next request. */
export async function revokeUserSessions(db: Db, redis: Redis, userId: string, reason: string): Promise<number> {
  const ids = await sessions.revokeSessionsOfUser(db, userId, reason);
  if (ids.length > 0) await redis.del(...ids.map(liveSessionKey));
  return ids.length;
}
