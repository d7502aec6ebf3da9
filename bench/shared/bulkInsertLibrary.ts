import { sql } from 'kysely';
import type { Db } from '@keepsake/database';

/**
 * A library of `count` completed rows written in one statement (no files: the benches measure
 * paging and queries). One in five a video; one in seven without a date taken; dates taken 37
 * minutes apart from 2015 on (about 7 years for 100k), dates added a second apart back from now.
 */
export async function bulkInsertLibrary(db: Db, count: number): Promise<void> {
  await sql`
    INSERT INTO media_files (original_name, type, mime, size, width, height, duration, taken_at, content_hash,
      status, asset_dir, thumbnail_path, image_path, preview_path, scene_preview_path, poster_path, playlist_path,
      created_at, updated_at)
    SELECT
      CASE WHEN i % 5 = 0 THEN 'VID_' ELSE 'IMG_' END || md5(i::text) || CASE WHEN i % 5 = 0 THEN '.mp4' ELSE '.jpg' END,
      CASE WHEN i % 5 = 0 THEN 'video'::media_type ELSE 'image'::media_type END,
      CASE WHEN i % 5 = 0 THEN 'video/mp4' ELSE 'image/jpeg' END,
      1000000 + i, 4032, 3024, CASE WHEN i % 5 = 0 THEN 30 END,
      CASE WHEN i % 7 = 0 THEN NULL ELSE timestamptz '2015-01-01' + (i * interval '37 minutes') END,
      md5('bench' || i::text), 'completed', 'images/x/g1', 'images/x/g1/thumb.webp.sealed',
      CASE WHEN i % 5 <> 0 THEN 'images/x/g1/image.webp.sealed' END,
      CASE WHEN i % 5 = 0 THEN 'videos/x/g1/preview.webp.sealed' END,
      CASE WHEN i % 5 = 0 THEN 'videos/x/g1/scenes.webp.sealed' END,
      CASE WHEN i % 5 = 0 THEN 'videos/x/g1/poster.webp.sealed' END,
      CASE WHEN i % 5 = 0 THEN 'videos/x/g1/master.m3u8' END,
      now() - (i * interval '1 second'), now()
    FROM generate_series(1, ${count}) AS i`.execute(db);
  await sql`ANALYZE media_files`.execute(db);
}
