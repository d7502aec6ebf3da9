import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';

/**
 * pg advisory lock id ("KSGENDIR") held by whoever adds or removes item folders under ASSETS_DIR:
 * a key rotation for its whole run, a processor's timed cleanup for one pass, the removal of an
 * erased item's folders. A cleanup in the middle of a rotation would take its half-written
 * `g<n+1>.rotating` folders for leftovers; a removal in its middle would be undone by it.
 */
export const GENERATIONS_LOCK_ID = 0x4b5347454e444952n;

/** Takes advisory lock `id` on `connection` if nobody holds it. */
export async function tryAdvisoryLock(connection: Db, id: bigint): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${id}) AS locked`.execute(connection);
  return rows[0]?.locked === true;
}

/** Runs `work`, then releases lock `id` on the connection that took it. */
export async function holdingAdvisoryLock<T>(connection: Db, id: bigint, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await sql`SELECT pg_advisory_unlock(${id})`.execute(connection);
  }
}

/**
 * Runs `work` under the generations lock, or returns undefined without waiting when someone
 * holds it: a rotation (which cleans up itself) or another processor's cleanup pass.
 */
export async function ifGenerationsFree<T>(db: Db, work: () => Promise<T>): Promise<T | undefined> {
  return db
    .connection()
    .execute(async (connection) =>
      (await tryAdvisoryLock(connection, GENERATIONS_LOCK_ID))
        ? holdingAdvisoryLock(connection, GENERATIONS_LOCK_ID, work)
        : undefined,
    );
}
