import { sql } from 'kysely';
import { GENERATIONS_LOCK_ID, holdingAdvisoryLock, rotation, tryAdvisoryLock, type Db } from '@keepsake/database';
import { OperatorError } from '@keepsake/platform';

export { GENERATIONS_LOCK_ID, ifGenerationsFree } from '@keepsake/database';

/** pg advisory lock id for key rotation ("KSROTATE" folded into a bigint): one run at a time. */
const ROTATION_LOCK_ID = 0x4b53524f54415445n;

/**
 * Runs `work` while holding the rotation lock on one dedicated connection, so two runs
 * can never overlap; if the process dies, PostgreSQL drops the connection and the lock.
 * A processor's cleanup pass holding the generation folders is waited for (it is short).
 */
export async function withRotationLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    if (!(await tryAdvisoryLock(connection, ROTATION_LOCK_ID))) {
      const running = await rotation.latestRun(db);
      const who =
        running?.status === 'running'
          ? ` (started ${running.started_at.toISOString()} by pid ${running.pid} on ${running.host})`
          : '';
      throw new OperatorError(`another key rotation is running${who}; wait for it to finish`);
    }
    return holdingAdvisoryLock(connection, ROTATION_LOCK_ID, async () => {
      await sql`SELECT pg_advisory_lock(${GENERATIONS_LOCK_ID})`.execute(connection);
      return holdingAdvisoryLock(connection, GENERATIONS_LOCK_ID, work);
    });
  });
}
