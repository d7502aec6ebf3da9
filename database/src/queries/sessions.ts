import type { Db } from '../db/createDb.js';

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
