import type { Db } from '../db/createDb.js';
import type { MediaStatus, MediaType } from '../db/schema.js';

export interface MediaTally {
  type: MediaType | null;
  status: MediaStatus;
  count: number;
  originalBytes: number;
}

/** How many items of each type and status, and how large their originals were. */
export async function tallyMedia(db: Db): Promise<MediaTally[]> {
  const rows = await db
    .selectFrom('media_files')
    .select([
      'type',
      'status',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number>('size').as('bytes'),
    ])
    .groupBy(['type', 'status'])
    .execute();
  return rows.map((row) => ({
    type: row.type,
    status: row.status,
    count: Number(row.count),
    originalBytes: Number(row.bytes ?? 0),
  }));
}
