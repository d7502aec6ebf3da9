import { sql, type Kysely } from 'kysely';

/**
 * Seek-bar previews: a video's trickplay index (its sprite sheets lie beside it in the same
 * generation folder). Null for videos processed before this migration: they play without
 * previews until reprocessed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE media_files ADD COLUMN trickplay_path text`.execute(db);
}
