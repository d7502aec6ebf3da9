import type { Db } from '../db/createDb.js';

export interface KeyRotationFacts {
  /** When a rotation last retired keys (rotation switches an item to new keys and retires the old ones). */
  lastRotatedAt: Date | null;
  /** The oldest key still in use: what the next rotation must replace. */
  oldestActiveKeyAt: Date | null;
  activeKeys: number;
}

export async function keyRotationFacts(db: Db): Promise<KeyRotationFacts> {
  const row = await db
    .selectFrom('encryption_keys')
    .select((eb) => [
      eb.fn.max('retired_at').as('last_rotated_at'),
      eb.fn.min(eb.case().when('retired_at', 'is', null).then(eb.ref('created_at')).end()).as('oldest_active'),
      eb.fn.count<number>(eb.case().when('retired_at', 'is', null).then(1).end()).as('active'),
    ])
    .executeTakeFirstOrThrow();
  return {
    lastRotatedAt: (row.last_rotated_at as Date | null) ?? null,
    oldestActiveKeyAt: (row.oldest_active as Date | null) ?? null,
    activeKeys: Number(row.active),
  };
}
