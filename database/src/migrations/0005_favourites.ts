import { sql, type Kysely } from 'kysely';

/**
 * Favourites are per person: one row per (user, item). Both sides cascade, so a removed
 * item or user leaves nothing behind. The primary key serves "is this a favourite of mine"
 * and the Favourites view (user first, newest first through the index on created_at).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE favourites (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      media_id uuid NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, media_id)
    )`.execute(db);
  await sql`CREATE INDEX favourites_media_id ON favourites (media_id)`.execute(db);
}
