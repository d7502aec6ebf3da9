import { sql, type Kysely } from 'kysely';

/**
 * Subtitle tracks of a video (issue 12.5): WebVTT made from a text stream inside the file or from
 * a `.srt`/`.vtt` beside it, sealed in the item's generation folder as `file`
 * (`<asset_dir>/<file>`, so rotation re-seals it with the folder and erasure removes it with it).
 * `track` numbers an item's tracks from 1; the rows go with their item.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE media_subtitles (
      media_id uuid NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
      track integer NOT NULL CHECK (track > 0),
      language text,
      label text NOT NULL,
      forced boolean NOT NULL DEFAULT false,
      source text NOT NULL CHECK (source IN ('embedded', 'sidecar')),
      source_name text NOT NULL,
      file text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (media_id, track)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX media_subtitles_source ON media_subtitles (media_id, source, source_name)`.execute(db);
}
