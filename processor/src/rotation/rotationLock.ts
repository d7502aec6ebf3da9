import { sql } from 'kysely';
import { OperatorError, rotation, type Db } from '@keepsake/database';

/** pg advisory lock id for key rotation ("KSROTATE" folded into a bigint). */
const ROTATION_LOCK_ID = 0x4b53524f54415445n;

/**
 * Runs `work` while holding the rotation lock on one dedicated connection, so two runs
 * can never overlap; if the process dies, PostgreSQL drops the connection and the lock.
 */
export async function withRotationLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${ROTATION_LOCK_ID}) AS locked`.execute(
      connection,
    );
    if (!rows[0]?.locked) {
      const running = await rotation.latestRun(db);
      const who =
        running?.status === 'running'
          ? ` (started ${running.started_at.toISOString()} by pid ${running.pid} on ${running.host})`
          : '';
      throw new OperatorError(`another key rotation is running${who}; wait for it to finish`);
    }
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${ROTATION_LOCK_ID})`.execute(connection);
    }
  });
}
