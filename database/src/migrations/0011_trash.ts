import { sql, type Kysely } from 'kysely';

/**
 * The trash (issue 10.4). A trashed item gets its own status, so everything that shows or serves
 * "completed" items (gallery, albums, search, favourites, on this day, continue watching, every
 * media URL, the gallery counts, key rotation) drops it without a filter of its own; restoring
 * sets `completed` again. `trashed_at` says when (the purge after TRASH_DAYS counts from it),
 * `trashed_by` who.
 *
 * `erased_media` lists items whose keys are already destroyed (the media row is gone) but whose
 * folders may still be on disk: written in the erasure's own transaction, removed once the
 * folders are, so a crash in between leaves an entry the next cleanup pass finishes.
 *
 * The new enum value cannot be used in the transaction that adds it (the migrator runs every
 * pending migration in one), so the check compares its text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TYPE media_status ADD VALUE IF NOT EXISTS 'trashed'`.execute(db);
  await sql`ALTER TABLE media_files
    ADD COLUMN trashed_at timestamptz,
    ADD COLUMN trashed_by uuid REFERENCES users (id) ON DELETE SET NULL,
    ADD CONSTRAINT media_files_trashed_check CHECK ((status::text = 'trashed') = (trashed_at IS NOT NULL))`.execute(db);
  await sql`CREATE INDEX media_trash_idx ON media_files (trashed_at DESC, id DESC) WHERE trashed_at IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE TABLE erased_media (
    media_id uuid PRIMARY KEY,
    erased_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}
