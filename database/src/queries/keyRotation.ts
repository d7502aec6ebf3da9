import type { Db } from '../db/createDb.js';

export interface KeysInUse {
  /** The oldest key still in use: before any rotation, it says when the first one is due. */
  oldestCreatedAt: Date | null;
  count: number;
}

export async function keysInUse(db: Db): Promise<KeysInUse> {
  const row = await db
    .selectFrom('encryption_keys')
    .select((eb) => [eb.fn.min('created_at').as('oldest'), eb.fn.countAll<number>().as('count')])
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { oldestCreatedAt: (row.oldest as Date | null) ?? null, count: Number(row.count) };
}
