import { sql, type Kysely } from 'kysely';

/**
 * Albums belong to the whole household: anyone may create, fill, rename or delete one.
 * Deleting an album never touches media; deleting an item takes its memberships with it
 * (cascade), and an album whose cover went falls back to its first item (cover set null).
 * Deleting a user keeps what they made: created_by / added_by become null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE albums (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      cover_media_id uuid REFERENCES media_files (id) ON DELETE SET NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE album_items (
      album_id uuid NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      media_id uuid NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
      added_by uuid REFERENCES users (id) ON DELETE SET NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (album_id, media_id)
    )`.execute(db);
  await sql`CREATE INDEX album_items_media_id ON album_items (media_id)`.execute(db);
}
