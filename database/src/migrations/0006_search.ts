import { sql, type Kysely } from 'kysely';

/**
 * Gallery search: a short caption per item, and trigram indexes so `%word%` matches on the
 * name, the caption and the camera stay index scans at 100k items. The camera is indexed as one
 * expression over the metadata the processor writes (metadata.camera.make/model); the library
 * query uses exactly this expression (mediaSearch.ts `cameraText`), or the index is not used.
 * pg_trgm is a trusted extension: the database owner may create it without being superuser.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`ALTER TABLE media_files ADD COLUMN caption text CHECK (char_length(caption) BETWEEN 1 AND 500)`.execute(db);
  await sql`CREATE INDEX media_search_name_idx ON media_files USING gin (lower(original_name) gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX media_search_caption_idx ON media_files USING gin (lower(caption) gin_trgm_ops)`.execute(db);
  await sql`
    CREATE INDEX media_search_camera_idx ON media_files USING gin (
      lower(coalesce(metadata #>> '{camera,make}', '') || ' ' || coalesce(metadata #>> '{camera,model}', '')) gin_trgm_ops
    )`.execute(db);
}
