import { sql } from 'kysely';
import type { Db } from '../../db/createDb.js';

/** The item could not be made; it stays out of the gallery and keeps the reason. */
export async function failMedia(
  db: Db,
  { mediaId, error, errorCode }: { mediaId: string; error: string; errorCode: string },
): Promise<void> {
  await db
    .updateTable('media_files')
    .set({ status: 'failed', error, error_code: errorCode, updated_at: sql<Date>`now()` })
    .where('id', '=', mediaId)
    .where('status', '!=', 'completed')
    .execute();
}
