import { sql, type Kysely } from 'kysely';

/**
 * RAW+JPEG pairs: a camera set to RAW+JPEG writes IMG_0001.CR2 and IMG_0001.JPG for one shot,
 * and they become one item (the JPEG shown, the RAW kept as its second original). One row per
 * shot (folder and base name inside imports/); its row lock is what makes the RAW's decision
 * (wait for the JPEG, join its item, or stand alone) one at a time across processors. The
 * expression index finds the other files of the same shot in the queue.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE raw_pairs (
      folder text NOT NULL,
      base text NOT NULL,
      state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'paired', 'alone')),
      raw_job_id bigint REFERENCES processing_queue (id) ON DELETE SET NULL,
      media_id uuid REFERENCES media_files (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (folder, base)
    )`.execute(db);
  await sql`CREATE INDEX raw_pairs_media ON raw_pairs (media_id)`.execute(db);
  await sql`CREATE INDEX processing_queue_shot ON processing_queue (lower(regexp_replace(path, '\\.[^./]*$', '')))`.execute(
    db,
  );
}
