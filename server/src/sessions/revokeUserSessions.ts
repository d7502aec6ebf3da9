import { sessions, type Db } from '@keepsake/database';
import type { LiveSessions } from './LiveSessions.js';

/**
 * Ends every session of a user at once: the row says why (and is what every request reads),
 * then the live entries go, best effort (LiveSessions.end): a Redis failure after the database
 * write leaves the revoke done and answered as done.
 */
export async function revokeUserSessions(db: Db, live: LiveSessions, userId: string, reason: string): Promise<number> {
  const ids = await sessions.revokeSessionsOfUser(db, userId, reason);
  await live.end(ids);
  return ids.length;
}
