import type { Db } from '../db/createDb.js';

export async function findMasterKeyFingerprint(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('master_key_check').select('fingerprint').where('id', '=', 1).executeTakeFirst();
  return row?.fingerprint;
}

/** Records the fingerprint unless one already is (two processes starting at once: the first wins). */
export async function recordMasterKeyFingerprint(db: Db, fingerprint: string): Promise<void> {
  await db
    .insertInto('master_key_check')
    .values({ id: 1, fingerprint })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}
