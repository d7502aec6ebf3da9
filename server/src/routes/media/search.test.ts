import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/testApp.js';
import { galleryRow } from '../../testing/insertMediaRows.js';
import { createSignedInApp } from '../../testing/signedInApp.js';
import type { SignedIn } from '../../testing/testUsers.js';

interface Page {
  items: { id: string; original_name: string; caption: string | null }[];
  next_cursor: string | null;
  total: number;
}

const at = (text: string) => new Date(`${text}Z`);

/** Seeded rows, each findable one way; names are what the assertions speak of. */
const seeds = [
  galleryRow(1, { original_name: 'Beach-Day.JPG', taken_at: at('2023-06-15T10:00:00') }),
  galleryRow(2, {
    original_name: 'IMG_0002.jpg',
    taken_at: at('2023-07-01T00:00:00'),
    metadata: { camera: { make: 'Apple', model: 'iPhone 13 mini' } },
  }),
  galleryRow(3, { original_name: 'clip.mp4', type: 'video', taken_at: at('2024-06-30T23:59:59') }),
  galleryRow(4, {
    original_name: 'gran.jpg',
    caption: 'Gran’s 90th birthday, the big cake',
    taken_at: at('2024-06-01T00:00:00'),
  }),
  galleryRow(5, { original_name: '100%_done.jpg', taken_at: at('2022-12-31T23:59:59') }),
  galleryRow(6, { original_name: '100x_done.jpg', taken_at: at('2022-01-01T00:00:00') }),
  galleryRow(7, { original_name: 'back\\slash.jpg', taken_at: at('2021-05-05T12:00:00') }),
  galleryRow(8, { original_name: '東京タワー.jpg', caption: 'O’Brien said "hi"', taken_at: at('2021-05-06T12:00:00') }),
  galleryRow(9, { original_name: 'failed-beach.jpg', status: 'failed', taken_at: at('2023-06-16T10:00:00') }),
];

describe('gallery search', () => {
  let h: TestApp;
  let mum: SignedIn;
  const id = (name: string) => seeds.find((row) => row.original_name === name)!.id!;

  beforeAll(async () => {
    ({ h, member: mum } = await createSignedInApp());
    await h.t.db.insertInto('media_files').values(seeds).execute();
  });
  afterAll(() => h.close());

  const search = async (q: string, extra = '') => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/media/library?q=${encodeURIComponent(q)}${extra}`,
      headers: mum.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page;
    expect(page.total).toBe(page.items.length);
    return page.items.map((item) => item.original_name).sort();
  };

  it('finds a part of a name, any case', async () => {
    expect(await search('beach')).toEqual(['Beach-Day.JPG']);
    expect(await search('DAY.jp')).toEqual(['Beach-Day.JPG']);
  });

  it('finds the camera make or model', async () => {
    expect(await search('iphone')).toEqual(['IMG_0002.jpg']);
    expect(await search('apple 13')).toEqual(['IMG_0002.jpg']);
  });

  it('finds words in the caption, every word required', async () => {
    expect(await search('birthday cake')).toEqual(['gran.jpg']);
    expect(await search('birthday beach')).toEqual([]);
  });

  it('dates: a year, a month by name, a range inclusive of its last day', async () => {
    expect(await search('2023')).toEqual(['Beach-Day.JPG', 'IMG_0002.jpg']);
    expect(await search('June 2023')).toEqual(['Beach-Day.JPG']);
    expect(await search('2023-07')).toEqual(['IMG_0002.jpg']);
    expect(await search('2024-06-01..2024-06-30')).toEqual(['clip.mp4', 'gran.jpg']);
    expect(await search('2022')).toEqual(['100%_done.jpg', '100x_done.jpg']);
  });

  it('combines with the type and favourites filters', async () => {
    expect(await search('2024', '&type=video')).toEqual(['clip.mp4']);
    expect(await search('2024', '&type=image')).toEqual(['gran.jpg']);
    expect(await search('2024', '&favourites=true')).toEqual([]);
    const put = await h.app.inject({ method: 'PUT', url: `/api/media/${id('gran.jpg')}/favourite`, headers: mum.auth });
    expect(put.statusCode).toBe(204);
    expect(await search('2024', '&favourites=true')).toEqual(['gran.jpg']);
  });

  it('pages a search with the cursor', async () => {
    const first = await h.app.inject({ method: 'GET', url: '/api/media/library?q=jpg&limit=2', headers: mum.auth });
    const page = first.json() as Page;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(7);
    const next = await h.app.inject({
      method: 'GET',
      url: `/api/media/library?q=jpg&limit=10&cursor=${page.next_cursor}`,
      headers: mum.auth,
    });
    expect((next.json() as Page).items).toHaveLength(5);
  });

  it('hostile text is literal text: no error, no wildcard matches', async () => {
    expect(await search('100%')).toEqual(['100%_done.jpg']);
    expect(await search('%')).toEqual(['100%_done.jpg']);
    expect(await search('_')).toEqual(['100%_done.jpg', '100x_done.jpg', 'IMG_0002.jpg']);
    expect(await search('x_d')).toEqual(['100x_done.jpg']);
    expect(await search('G_0')).toEqual(['IMG_0002.jpg']);
    expect(await search('0%_d')).toEqual(['100%_done.jpg']);
    expect(await search('\\')).toEqual(['back\\slash.jpg']);
    expect(await search('k\\s')).toEqual(['back\\slash.jpg']);
    expect(await search('東京')).toEqual(['東京タワー.jpg']);
    expect(await search('"hi"')).toEqual(['東京タワー.jpg']);
    expect(await search(`O’Brien`)).toEqual(['東京タワー.jpg']);
    for (const q of [`'`, `'; DROP TABLE media_files; --`, `" OR 1=1`, `\\%`, `)(`, '{camera,make}', '🙂']) {
      expect(await search(q)).toEqual([]);
    }
    // The failed item never shows, whatever matches it.
    expect(await search('failed')).toEqual([]);
  });

  it('an empty query is the whole gallery; an over-long one is a 400', async () => {
    expect(await search('   ')).toHaveLength(8);
    const long = await h.app.inject({
      method: 'GET',
      url: `/api/media/library?q=${'a'.repeat(201)}`,
      headers: mum.auth,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('SYSTEM_003');
  });

  describe('PATCH /api/media/:id {caption}', () => {
    const patch = (mediaId: string, body: unknown, who: SignedIn | null = mum) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/media/${mediaId}`,
        headers: who ? who.auth : {},
        payload: body as object,
      });

    it('sets a trimmed caption that the item and the search then show, and audits it', async () => {
      const target = id('clip.mp4');
      expect((await patch(target, { caption: '  Sandcastle at dusk  ' })).statusCode).toBe(204);
      const item = await h.app.inject({ method: 'GET', url: `/api/media/${target}`, headers: mum.auth });
      expect(item.json().caption).toBe('Sandcastle at dusk');
      expect(await search('sandcastle')).toEqual(['clip.mp4']);
      await h.app.auditLog.flush();
      const audit = await h.t.db
        .selectFrom('access_logs')
        .select(['media_id'])
        .where('action', '=', 'media.caption')
        .execute();
      expect(audit.map((row) => row.media_id)).toContain(target);
    });

    it('empty or null clears it', async () => {
      const target = id('clip.mp4');
      expect((await patch(target, { caption: '   ' })).statusCode).toBe(204);
      expect(await search('sandcastle')).toEqual([]);
      expect((await patch(target, { caption: 'again' })).statusCode).toBe(204);
      expect((await patch(target, { caption: null })).statusCode).toBe(204);
      const row = await h.t.db.selectFrom('media_files').select('caption').where('id', '=', target).executeTakeFirst();
      expect(row?.caption).toBeNull();
    });

    it('500 characters are fine, 501 are a 400; bad bodies and unknown items are 4xx, never 500', async () => {
      const target = id('IMG_0002.jpg');
      expect((await patch(target, { caption: '好'.repeat(500) })).statusCode).toBe(204);
      const long = await patch(target, { caption: `  ${'a'.repeat(501)}  ` });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.code).toBe('SYSTEM_003');
      expect((await patch(target, { caption: 'a'.repeat(1001) })).statusCode).toBe(400);
      expect((await patch(target, { caption: { text: 'x' } })).statusCode).toBe(400);
      expect((await patch(target, {})).statusCode).toBe(400);
      expect((await patch(target, { caption: 'x', type: 'video' })).statusCode).toBe(400);
      // A failed item is the design document's MEDIA_002, processing failed (422).
      expect((await patch(id('failed-beach.jpg'), { caption: 'x' })).statusCode).toBe(422);
      expect((await patch('00000000-0000-4000-8000-000000000000', { caption: 'x' })).statusCode).toBe(404);
      expect((await patch('not-a-uuid', { caption: 'x' })).statusCode).toBe(400);
      expect((await patch(target, { caption: 'x' }, null)).statusCode).toBe(401);
    });
  });
});
