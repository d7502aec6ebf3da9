import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { containsPattern, searchConditions } from './mediaSearch.js';

describe('search conditions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    // A library large enough that PostgreSQL prefers an index when it can use one.
    await sql`
      INSERT INTO media_files (original_name, type, status, size, content_hash, updated_at, caption, metadata)
      SELECT 'IMG_' || lpad(i::text, 6, '0') || '.jpg', 'image', 'completed', 1, md5(i::text), now(),
             CASE WHEN i % 5000 = 0 THEN 'Harbour at dusk' END,
             CASE WHEN i % 7000 = 0 THEN '{"camera":{"make":"Fujifilm","model":"X100V"}}'::jsonb ELSE '{}'::jsonb END
      FROM generate_series(1, 30000) AS i`.execute(t.db);
    await sql`ANALYZE media_files`.execute(t.db);
  });
  afterAll(() => t.drop());

  it('escapes LIKE wildcards so user text matches literally', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('uses the trigram indexes of migration 0006 for name, caption and camera', async () => {
    const query = searchConditions({ words: ['harbour', 'x100v'] }).reduce(
      (q, condition) => q.where(condition),
      t.db.selectFrom('media_files').select('id').where('status', '=', 'completed'),
    );
    const plan = (await query.explain()).map((row) => String(row['QUERY PLAN'])).join('\n');
    for (const index of ['media_search_name_idx', 'media_search_caption_idx', 'media_search_camera_idx']) {
      expect(plan, plan).toContain(index);
    }
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
