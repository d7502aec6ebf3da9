import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { galleryRow, insertGalleryRows, insertNotInGallery } from '../../testing/insertMediaRows.js';
import { createSignedInApp } from '../../testing/signedInApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

describe('GET /api/media/library', () => {
  let h: TestApp;
  let mum: SignedIn;

  beforeAll(async () => {
    ({ h, member: mum } = await createSignedInApp());
    await insertGalleryRows(h.t.db, 250);
    await insertNotInGallery(h.t.db);
  });
  afterAll(() => h.close());

  async function page(query: string) {
    const response = await h.app.inject({ method: 'GET', url: `/api/media/library?${query}`, headers: mum.auth });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: { id: string; type: string; [key: string]: unknown }[];
      next_cursor: string | null;
      total: number;
    };
  }

  async function everything(query: string, limit: number) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...body.items.map((item) => item.id));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor);
    return { ids, pages };
  }

  const orderBy = { taken: 'sort_date', created: 'created_at', name: 'lower(original_name)' } as const;

  it.each([
    ['taken', 'desc', undefined],
    ['taken', 'asc', 'video'],
    ['created', 'desc', 'image'],
    ['name', 'asc', undefined],
    ['name', 'desc', 'video'],
  ] as const)(
    'pages through every completed item by %s %s (type %s) in the database order',
    async (sort, order, type) => {
      const expected = await sql<{ id: string }>`
      SELECT id FROM media_files WHERE status = 'completed' ${type ? sql`AND type = ${type}` : sql``}
      ORDER BY ${sql.raw(orderBy[sort])} ${sql.raw(order)}, id ${sql.raw(order)}`.execute(h.t.db);
      const { ids, pages } = await everything(`sort=${sort}&order=${order}${type ? `&type=${type}` : ''}`, 37);
      expect(ids).toEqual(expected.rows.map((r) => r.id));
      expect(pages).toBe(Math.ceil(expected.rows.length / 37));
    },
  );

  it('counts the whole gallery, and gives each item signed URLs fitting its type', async () => {
    const body = await page('limit=30');
    expect(body.total).toBe(250);
    expect((await page('type=video')).total).toBe(84);
    const image = body.items.find((item) => item.type === 'image')!;
    const video = body.items.find((item) => item.type === 'video')!;
    expect(image).toMatchObject({ preview_url: null, poster_url: null, stream_url: null, scene_preview_url: null });
    expect(image.image_url).toMatch(new RegExp(`^/api/media/image/${image.id}\\?t=`));
    expect(video.image_url).toBeNull();
    for (const kind of ['thumbnail', 'preview', 'scenes', 'poster', 'stream']) {
      const key =
        { thumbnail: 'thumbnail_url', preview: 'preview_url', scenes: 'scene_preview_url' }[kind] ?? `${kind}_url`;
      expect(video[key], kind).toMatch(new RegExp(`^/api/media/${kind}/${video.id}\\?t=`));
    }
    const token = new URL(`http://x${video.stream_url as string}`).searchParams.get('t');
    expect(h.app.mediaUrls.verify(token, `stream:${video.id}`)).toBe(mum.sessionId);
    expect(h.app.mediaUrls.verify(token, `stream:${image.id}`)).toBeNull();
  });

  it('refuses bad paging parameters with 400 SYSTEM_003', async () => {
    const nulCursor = Buffer.from(JSON.stringify(['a\u0000', '00000000-0000-4000-8000-000000000000'])).toString(
      'base64url',
    );
    for (const query of [
      `cursor=${nulCursor}`,
      'cursor=%00',
      'limit=0',
      'limit=201',
      'sort=size',
      'order=up',
      'type=audio',
      'cursor=bm90IGpzb24',
      'cursor=%5B%5D',
    ]) {
      const response = await h.app.inject({ method: 'GET', url: `/api/media/library?${query}`, headers: mum.auth });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('SYSTEM_003');
    }
  });

  it("answers the design document's numbered pages: type=all, sort=created_at, {data, pagination}", async () => {
    const keyset = await everything('sort=created&order=desc', 200);
    const numbered: string[] = [];
    for (let n = 1; n <= 13; n += 1) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/api/media/library?type=all&page=${n}&limit=20&sort=created_at&order=desc`,
        headers: mum.auth,
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ data: { id: string }[]; pagination: object }>();
      expect(Object.keys(body).sort()).toEqual(['data', 'pagination']);
      expect(body.pagination).toEqual({ total: 250, page: n, limit: 20, pages: 13 });
      numbered.push(...body.data.map((item) => item.id));
    }
    expect(numbered).toEqual(keyset.ids);
    const beyond = await h.app.inject({ method: 'GET', url: '/api/media/library?page=14&limit=20', headers: mum.auth });
    expect(beyond.json().data).toEqual([]);
  });

  it("gives each item the design document's name and metadata beside its own fields", async () => {
    const { items } = await page('limit=200&type=all');
    const video = items.find((item) => item.type === 'video')!;
    const image = items.find((item) => item.type === 'image')!;
    expect(video.name).toBe(video.original_name);
    expect(video.metadata).toEqual({
      width: video.width,
      height: video.height,
      duration: video.duration,
      size_bytes: video.size,
    });
    expect(image.metadata).toEqual({ width: image.width, height: image.height, size_bytes: image.size });
  });

  it('refuses unknown query parameters and page together with cursor, in the error format', async () => {
    for (const query of ['per_page=20', 'typ=video', 'page=1&cursor=abc', 'page=0']) {
      const response = await h.app.inject({ method: 'GET', url: `/api/media/library?${query}`, headers: mum.auth });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('SYSTEM_003');
    }
  });

  it('needs a signed-in user', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/media/library' });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/media/:id and playback progress', () => {
  let h: TestApp;
  let mum: SignedIn;
  let dad: SignedIn;
  let mumId: string;
  const videos = Array.from({ length: 5 }, (_, i) => galleryRow(3 * i, { type: 'video', metadata: { codec: 'h264' } }));
  const photo = galleryRow(1, { type: 'image' });

  beforeAll(async () => {
    h = await createTestApp({ env: { MAX_CONCURRENT_STREAMS: '3' } });
    mumId = (await createTestUser(h.t.db, 'mum')).id;
    await createTestUser(h.t.db, 'dad');
    mum = await signIn(h.app, 'mum');
    dad = await signIn(h.app, 'dad');
    await h.t.db
      .insertInto('media_files')
      .values([
        ...videos.map((v) => ({
          ...v,
          variants: JSON.stringify([
            { name: '360p', width: 640, height: 360, bandwidth: 800000, codecs: 'avc1', playlist: '360p/index.m3u8' },
          ]),
        })),
        photo,
      ])
      .execute();
  });
  afterAll(() => h.close());

  const progress = (who: SignedIn, id: string, position: number) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/media/${id}/progress`,
      headers: who.auth,
      payload: { position_seconds: position },
    });

  it('returns the item with metadata, variants and the resume position, and logs the view', async () => {
    const first = await h.app.inject({ method: 'GET', url: `/api/media/${videos[0]!.id}`, headers: mum.auth });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      id: videos[0]!.id,
      type: 'video',
      metadata: { codec: 'h264', width: videos[0]!.width, height: videos[0]!.height, size_bytes: expect.any(Number) },
      variants: [{ name: '360p', width: 640, height: 360, bandwidth: 800000 }],
      resume_position: null,
    });
    expect((await progress(mum, videos[0]!.id!, 42.5)).statusCode).toBe(204);
    const again = await h.app.inject({ method: 'GET', url: `/api/media/${videos[0]!.id}`, headers: mum.auth });
    expect(again.json().resume_position).toBe(42.5);
    const forDad = await h.app.inject({ method: 'GET', url: `/api/media/${videos[0]!.id}`, headers: dad.auth });
    expect(forDad.json().resume_position).toBeNull();
    await h.app.auditLog.flush();
    const views = await h.t.db.selectFrom('access_logs').selectAll().where('action', '=', 'media.view').execute();
    expect(views.filter((v) => v.media_id === videos[0]!.id)).toHaveLength(3);
  });

  it('answers 404 MEDIA_001 for an unknown item 409 MEDIA_007 for one still processing, 422 MEDIA_002 for one that failed', async () => {
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/media/00000000-0000-4000-8000-000000000000',
      headers: mum.auth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('MEDIA_001');
    const pending = galleryRow(77, { status: 'processing' });
    await h.t.db.insertInto('media_files').values(pending).execute();
    const busy = await h.app.inject({ method: 'GET', url: `/api/media/${pending.id}`, headers: mum.auth });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('MEDIA_007');
    const failed = galleryRow(78, { status: 'failed' });
    await h.t.db.insertInto('media_files').values(failed).execute();
    const broken = await h.app.inject({ method: 'GET', url: `/api/media/${failed.id}`, headers: mum.auth });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('MEDIA_002');
    const notUuid = await h.app.inject({ method: 'GET', url: '/api/media/not-a-uuid', headers: mum.auth });
    expect(notUuid.statusCode).toBe(400);
  });

  it('lets one user play MAX_CONCURRENT_STREAMS videos at once, counted by heartbeats', async () => {
    for (const video of videos.slice(0, 3)) expect((await progress(mum, video.id!, 1)).statusCode).toBe(204);
    const fourth = await progress(mum, videos[3]!.id!, 1);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('MEDIA_006');
    // Heartbeats of a video already playing go on; another person has their own count.
    expect((await progress(mum, videos[1]!.id!, 20)).statusCode).toBe(204);
    expect((await progress(dad, videos[3]!.id!, 1)).statusCode).toBe(204);
    // A stream whose heartbeats stopped frees its slot.
    await h.redis.redis.zadd(`streams:${mumId}`, 0, `${mum.sessionId}:${videos[0]!.id}`);
    expect((await progress(mum, videos[3]!.id!, 1)).statusCode).toBe(204);
  });

  it('takes no playback position for a photo, nor a negative one', async () => {
    expect((await progress(mum, photo.id!, 1)).statusCode).toBe(400);
    expect((await progress(mum, videos[4]!.id!, -1)).statusCode).toBe(400);
  });
});
