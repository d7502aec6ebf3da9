import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import type { MediaStatus, MediaType } from '../db/schema.js';
import { countLibrary } from './mediaLibrary.js';

function row(type: MediaType | null, status: MediaStatus) {
  return {
    original_name: 'x',
    type,
    status,
    size: 1,
    content_hash: randomBytes(16).toString('hex'),
    updated_at: new Date(),
  };
}

describe('gallery counts (trigger-kept)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  async function expectCountsMatch() {
    for (const type of ['image', 'video', undefined] as const) {
      const actual = await sql<{ n: string }>`
        SELECT count(*) AS n FROM media_files WHERE status = 'completed' ${type ? sql`AND type = ${type}` : sql``}`.execute(
        t.db,
      );
      expect(await countLibrary(t.db, { type }), String(type)).toBe(Number(actual.rows[0]!.n));
    }
  }

  it('follows inserts, status and type changes, and deletes, in bulk or one by one', async () => {
    await expectCountsMatch();
    await t.db
      .insertInto('media_files')
      .values([
        row('image', 'completed'),
        row('image', 'completed'),
        row('video', 'completed'),
        row('video', 'pending'),
        row(null, 'processing'),
      ])
      .execute();
    expect(await countLibrary(t.db, {})).toBe(3);
    await expectCountsMatch();

    await t.db
      .updateTable('media_files')
      .set({ type: 'video', status: 'completed' })
      .where('status', '=', 'processing')
      .execute();
    await t.db.updateTable('media_files').set({ status: 'failed' }).where('type', '=', 'image').execute();
    await expectCountsMatch();
    // Changes that leave the gallery as it was (re-saving a completed row, a rotation's path switch).
    await t.db.updateTable('media_files').set({ status: 'completed' }).where('status', '=', 'completed').execute();
    await t.db.updateTable('media_files').set({ generation: 2 }).execute();
    await expectCountsMatch();
    await t.db.deleteFrom('media_files').where('type', '=', 'video').where('status', '=', 'completed').execute();
    await expectCountsMatch();
    expect(await countLibrary(t.db, { type: 'video' })).toBe(0);
  });
});
