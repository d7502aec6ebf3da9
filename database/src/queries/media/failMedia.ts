import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/**
 * The item could not be made; it stays out of the gallery and keeps the reason. False when the
 * item is already in the gallery (a duplicate's failure never hides the original).
 */
export async function failMedia(
  db: Db,
  { mediaId, error, errorCode }: { mediaId: string; error: string; errorCode: string },
): Promise<boolean> {
  const result = await db
    .updateTable('media_files')
    .set({ status: 'failed', error, error_code: errorCode, updated_at: sql<Date>`now()` })
    .where('id', '=', mediaId)
    .where('status', '!=', 'completed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
