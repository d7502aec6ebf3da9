import { sql } from 'kysely';
import { OperatorError, rotation, type Db } from '@keepsake/database';

/** pg advisory lock id for key rotation ("KSROTATE" folded into a bigint): one run at a time. */
const ROTATION_LOCK_ID = 0x4b53524f54415445n;

/**
 * pg advisory lock id ("KSGENDIR") held by whoever adds or removes generation folders: a rotation
 * for its whole run, a processor's timed cleanup for one pass. A cleanup in the middle of a
 * rotation would take its half-written `g<n+1>.rotating` folders for leftovers.
 */
export const GENERATIONS_LOCK_ID = 0x4b5347454e444952n;

async function tryLock(connection: Db, id: bigint): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${id}) AS locked`.execute(connection);
  return rows[0]?.locked === true;
}

/** Runs `work`, then releases lock `id` on the connection that took it. */
async function holding<T>(connection: Db, id: bigint, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await sql`SELECT pg_advisory_unlock(${id})`.execute(connection);
  }
}

/**
 * Runs `work` while holding the rotation lock on one dedicated connection, so two runs
 * can never overlap; if the process dies, PostgreSQL drops the connection and the lock.
 * A processor's cleanup pass holding the generation folders is waited for (it is short).
 */
export async function withRotationLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    if (!(await tryLock(connection, ROTATION_LOCK_ID))) {
      const running = await rotation.latestRun(db);
      const who =
        running?.status === 'running'
          ? ` (started ${running.started_at.toISOString()} by pid ${running.pid} on ${running.host})`
          : '';
      throw new OperatorError(`another key rotation is running${who}; wait for it to finish`);
    }
    return holding(connection, ROTATION_LOCK_ID, async () => {
      await sql`SELECT pg_advisory_lock(${GENERATIONS_LOCK_ID})`.execute(connection);
      return holding(connection, GENERATIONS_LOCK_ID, work);
    });
  });
}

/**
 * Runs `work` under the generations lock, or returns undefined without waiting when someone
 * holds it: a rotation (which cleans up itself) or another processor's cleanup pass.
 */
export async function ifGenerationsFree<T>(db: Db, work: () => Promise<T>): Promise<T | undefined> {
  return db
    .connection()
    .execute(async (connection) =>
      (await tryLock(connection, GENERATIONS_LOCK_ID)) ? holding(connection, GENERATIONS_LOCK_ID, work) : undefined,
    );
}
