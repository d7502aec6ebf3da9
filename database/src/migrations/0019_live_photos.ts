import { sql, type Kysely } from 'kysely';

/**
 * Live Photos (issue 12.4): an iPhone's still and its MOV become one photo item with motion.
 * `motion_path` is the item's motion rendition (a small H.264 MP4, sealed), null for a photo
 * without. `live_pairs` is to a Live Photo what raw_pairs is to a RAW+JPEG shot: one row per
 * pair key (Apple's content identifier, else the shot's folder and base name), whose row lock
 * makes the MOV's decision (wait for its still, join it, or stay a video) one at a time across
 * processors. The expression index finds a still by the identifier its metadata records.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE media_files ADD COLUMN motion_path text`.execute(db);
  await sql`
    CREATE TABLE live_pairs (
      pair_key text PRIMARY KEY,
      state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'paired', 'alone')),
      motion_job_id bigint REFERENCES processing_queue (id) ON DELETE SET NULL,
      media_id uuid REFERENCES media_files (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX live_pairs_media ON live_pairs (media_id)`.execute(db);
  await sql`
    CREATE INDEX media_files_content_identifier ON media_files ((metadata->>'contentIdentifier'))
    WHERE metadata ? 'contentIdentifier'`.execute(db);
}
