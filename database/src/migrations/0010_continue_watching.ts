import { sql, type Kysely } from 'kysely';

/**
 * Continue watching: a person may take a half-watched video off their row without losing its
 * resume position. A new heartbeat (they watched it again) clears the dismissal. The index
 * serves the row: one person's positions, newest first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE playback_progress ADD COLUMN dismissed_at timestamptz`.execute(db);
  await sql`CREATE INDEX playback_progress_user_recent ON playback_progress (user_id, updated_at DESC)`.execute(db);
}
