import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/testApp.js';
import { insertNotInGallery } from '../../testing/insertMediaRows.js';
import { createSignedInApp } from '../../testing/signedInApp.js';
import type { SignedIn } from '../../testing/testUsers.js';

/** Items spread unevenly over 15 years (2010–2024), some without a date taken (then the date added counts). */
async function seedFifteenYears(h: TestApp, count: number): Promise<void> {
  await sql`
    INSERT INTO media_files (original_name, type, mime, size, content_hash, status, thumbnail_path, taken_at, created_at, updated_at)
    SELECT 'IMG_' || i || '.jpg', CASE WHEN i % 4 = 0 THEN 'video'::media_type ELSE 'image'::media_type END, 'image/jpeg',
           1, md5(i::text), 'completed', 'images/x/g1/thumb.webp.sealed',
           CASE WHEN i % 11 = 0 THEN NULL
                ELSE timestamptz '2010-01-01 00:00:00+00' + ((i * i) % 5479) * interval '1 day' + (i % 86400) * interval '1 second' END,
           timestamptz '2025-01-01 00:00:00+00' + i * interval '1 minute', now()
    FROM generate_series(1, ${count}) AS i`.execute(h.t.db);
  await insertNotInGallery(h.t.db);
  await sql`ANALYZE media_files`.execute(h.t.db);
}

describe('GET /api/media/library/months and the from= jump', () => {
  let h: TestApp;
  let mum: SignedIn;

  beforeAll(async () => {
    ({ h, member: mum } = await createSignedInApp());
    await seedFifteenYears(h, 20_000);
  });
  afterAll(() => h.close());

  async function get<T>(url: string, status = 200): Promise<T> {
    const response = await h.app.inject({ method: 'GET', url, headers: mum.auth });
    expect(response.statusCode, response.body).toBe(status);
    return response.json() as T;
  }
  type Months = { months: { month: string; count: number }[] };

  it('counts each month as the database does, newest first, for the whole view and per type', async () => {
    for (const [query, type] of [
      ['', undefined],
      ['&type=video', 'video'],
    ] as const) {
      const expected = await sql<{ month: string; count: string }>`
        SELECT lpad(extract(year FROM sort_date AT TIME ZONE 'UTC')::text, 4, '0') || '-' ||
               lpad(extract(month FROM sort_date AT TIME ZONE 'UTC')::text, 2, '0') AS month, count(*) AS count
        FROM media_files WHERE status = 'completed' ${type ? sql`AND type = ${type}` : sql``}
        GROUP BY 1 ORDER BY 1 DESC`.execute(h.t.db);
      const { months } = await get<Months>(`/api/media/library/months?sort=taken${query}`);
      expect(months).toEqual(expected.rows.map((row) => ({ month: row.month, count: Number(row.count) })));
      const { total } = await get<{ total: number }>(`/api/media/library?limit=1${query}`);
      expect(months.reduce((sum, month) => sum + month.count, 0)).toBe(total);
    }
    // 15 years of dates taken, and the undated items in the months they were added.
    const { months } = await get<Months>('/api/media/library/months');
    expect(months.at(-1)!.month).toBe('2010-01');
    expect(months.some((month) => month.month.startsWith('2025'))).toBe(true);
  });

  it('counts by date added, and within an album or a search', async () => {
    const { months } = await get<Months>('/api/media/library/months?sort=created');
    const expected = await sql<{ count: string }>`
      SELECT count(*) AS count FROM media_files
      WHERE status = 'completed' AND created_at >= '2025-01-01T00:00:00Z' AND created_at < '2025-02-01T00:00:00Z'`.execute(
      h.t.db,
    );
    expect(months.find((month) => month.month === '2025-01')?.count).toBe(Number(expected.rows[0]!.count));

    const album = (
      await h.app.inject({ method: 'POST', url: '/api/albums', headers: mum.auth, payload: { name: 'Some' } })
    ).json<{ id: string }>();
    const inAlbum = await h.t.db
      .selectFrom('media_files')
      .select('id')
      .where('status', '=', 'completed')
      .where('taken_at', '>=', new Date('2019-06-01T00:00:00Z'))
      .where('taken_at', '<', new Date('2019-07-01T00:00:00Z'))
      .limit(3)
      .execute();
    await h.app.inject({
      method: 'POST',
      url: `/api/albums/${album.id}/items`,
      headers: mum.auth,
      payload: { media_ids: inAlbum.map((row) => row.id) },
    });
    expect(await get<Months>(`/api/media/library/months?album=${album.id}`)).toEqual({
      months: [{ month: '2019-06', count: 3 }],
    });
    expect((await get<Months>(`/api/media/library/months?q=${encodeURIComponent('June 2019')}`)).months).toEqual([
      expect.objectContaining({ month: '2019-06' }),
    ]);
  });

  it('from= starts a page at a month five years back, the same rows the database orders there', async () => {
    const from = '2019-07-01T00:00:00.000Z';
    const body = await get<{ items: { id: string; taken_at: string | null; created_at: string }[] }>(
      `/api/media/library?sort=taken&order=desc&limit=50&from=${from}`,
    );
    const expected = await sql<{ id: string }>`
      SELECT id FROM media_files WHERE status = 'completed' AND sort_date < ${from}::timestamptz
      ORDER BY sort_date DESC, id DESC LIMIT 50`.execute(h.t.db);
    expect(body.items.map((item) => item.id)).toEqual(expected.rows.map((row) => row.id));
    expect((body.items[0]!.taken_at ?? body.items[0]!.created_at).slice(0, 7)).toBe('2019-06');

    const ascending = await get<{ items: { taken_at: string | null }[] }>(
      `/api/media/library?sort=taken&order=asc&limit=5&from=2019-06-01T00:00:00Z`,
    );
    expect(ascending.items[0]!.taken_at!.slice(0, 7)).toBe('2019-06');
  });

  it('refuses a jump without a date order, a bad date and an unknown order with 400 SYSTEM_003', async () => {
    for (const url of [
      '/api/media/library?sort=name&from=2019-07-01T00:00:00Z',
      '/api/media/library?from=last-tuesday',
      '/api/media/library/months?sort=name',
      '/api/media/library/months?album=not-a-uuid',
    ]) {
      const body = await get<{ error: { code: string } }>(url, 400);
      expect(body.error.code).toBe('SYSTEM_003');
    }
  });
});
