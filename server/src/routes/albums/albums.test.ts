import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/testApp.js';
import { createTestHousehold } from '../../testing/testHousehold.js';
import { galleryRow } from '../../testing/insertMediaRows.js';
import type { SignedIn } from '../../testing/testUsers.js';

interface Album {
  id: string;
  name: string;
  description: string;
  cover_media_id: string | null;
  cover_chosen: boolean;
  cover_thumbnail_url: string | null;
  item_count: number;
}

describe('albums, shared by the household', () => {
  let h: TestApp;
  let mum: SignedIn;
  let kid: SignedIn;
  /** Gallery order: newest taken first. */
  let ids: string[];

  beforeAll(async () => {
    ({ h, mum, kid, ids } = await createTestHousehold(20));
  });
  afterAll(() => h.close());

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: who.auth, ...(payload ? { payload } : {}) });
  const create = async (who: SignedIn, name: string) => {
    const response = await call(who, 'POST', '/api/albums', { name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Album;
  };
  const list = async (who: SignedIn) => (await call(who, 'GET', '/api/albums')).json().albums as Album[];
  const itemsOf = async (who: SignedIn, albumId: string, query = '') => {
    const response = await call(who, 'GET', `/api/media/library?album=${albumId}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: { id: string }[]; next_cursor: string | null; total: number };
  };

  it('one member makes an album and fills it; another sees it, with its cover and count, and adds to it', async () => {
    const album = await create(mum, '  Summer  ');
    expect(album).toMatchObject({ name: 'Summer', description: '', item_count: 0, cover_media_id: null });
    expect(album.cover_thumbnail_url).toBeNull();

    const add = await call(mum, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[5], ids[2], ids[9]] });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toEqual({ added: 3, item_count: 3 });
    // Adding again changes nothing.
    expect((await call(mum, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[2]] })).json()).toEqual({
      added: 0,
      item_count: 3,
    });

    const seen = (await list(kid)).find((a) => a.id === album.id)!;
    // The default cover is the album's first item in gallery order.
    expect(seen).toMatchObject({ item_count: 3, cover_media_id: ids[2], cover_chosen: false });
    expect(seen.cover_thumbnail_url).toMatch(new RegExp(`^/api/media/thumbnail/${ids[2]}\\?t=`));
    const thumb = await h.app.inject({ method: 'GET', url: seen.cover_thumbnail_url! });
    expect(thumb.statusCode).not.toBe(403);

    expect((await call(kid, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[0]] })).json().added).toBe(1);
    const page = await itemsOf(mum, album.id);
    expect(page.items.map((item) => item.id)).toEqual([ids[0], ids[2], ids[5], ids[9]]);
    expect(page.total).toBe(4);
  });

  it('pages an album with the gallery’s keyset cursor; an item can be in many albums', async () => {
    const big = await create(kid, 'Everything');
    const other = await create(kid, 'Some');
    await call(kid, 'POST', `/api/albums/${big.id}/items`, { media_ids: ids });
    await call(kid, 'POST', `/api/albums/${other.id}/items`, { media_ids: [ids[3]] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof itemsOf>> = await itemsOf(
        kid,
        big.id,
        `limit=6${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.total).toBe(20);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await itemsOf(kid, other.id)).items.map((item) => item.id)).toEqual([ids[3]]);
  });

  it('renames, describes and picks a cover; removing the cover item brings the default back', async () => {
    const album = await create(mum, 'Trip');
    await call(mum, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[1], ids[4], ids[6]] });
    const renamed = await call(kid, 'PATCH', `/api/albums/${album.id}`, { name: 'Trip 2026', description: 'Alps' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Trip 2026', description: 'Alps', cover_media_id: ids[1] });

    const covered = await call(mum, 'PATCH', `/api/albums/${album.id}`, { cover_media_id: ids[6] });
    expect(covered.json()).toMatchObject({ cover_media_id: ids[6], cover_chosen: true });
    expect(covered.json().cover_thumbnail_url).toContain(ids[6]);

    expect((await call(mum, 'DELETE', `/api/albums/${album.id}/items/${ids[6]}`)).statusCode).toBe(204);
    expect((await call(mum, 'DELETE', `/api/albums/${album.id}/items/${ids[6]}`)).statusCode).toBe(204);
    const after = (await call(mum, 'GET', `/api/albums/${album.id}`)).json() as Album;
    expect(after).toMatchObject({ cover_media_id: ids[1], cover_chosen: false, item_count: 2 });
    // The item left the album, not the gallery.
    expect((await call(mum, 'GET', `/api/media/${ids[6]}`)).statusCode).toBe(200);

    const reset = await call(mum, 'PATCH', `/api/albums/${album.id}`, { cover_media_id: ids[4] });
    expect(reset.json().cover_media_id).toBe(ids[4]);
    expect((await call(mum, 'PATCH', `/api/albums/${album.id}`, { cover_media_id: null })).json()).toMatchObject({
      cover_media_id: ids[1],
      cover_chosen: false,
    });
  });

  it('deleting an album keeps its media; deleting an item takes it out of every album', async () => {
    const album = await create(mum, 'Doomed');
    await call(mum, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[7], ids[8]] });
    await call(mum, 'PATCH', `/api/albums/${album.id}`, { cover_media_id: ids[8] });
    const keep = await create(mum, 'Kept');
    await call(mum, 'POST', `/api/albums/${keep.id}/items`, { media_ids: [ids[8], ids[10]] });
    await call(mum, 'PATCH', `/api/albums/${keep.id}`, { cover_media_id: ids[8] });

    expect((await call(kid, 'DELETE', `/api/albums/${album.id}`)).statusCode).toBe(204);
    expect((await call(kid, 'GET', `/api/albums/${album.id}`)).statusCode).toBe(404);
    expect((await list(kid)).some((a) => a.id === album.id)).toBe(false);
    expect((await call(kid, 'GET', `/api/media/${ids[7]}`)).statusCode).toBe(200);

    await h.t.db.deleteFrom('media_files').where('id', '=', ids[8]!).execute();
    expect(await h.t.db.selectFrom('album_items').select('album_id').where('media_id', '=', ids[8]!).execute()).toEqual(
      [],
    );
    const kept = (await call(mum, 'GET', `/api/albums/${keep.id}`)).json() as Album;
    expect(kept).toMatchObject({ item_count: 1, cover_media_id: ids[10], cover_chosen: false });
  });

  it('a trashed item leaves the album (grid, count, chosen cover) and comes back when restored', async () => {
    const album = await create(mum, 'Beach');
    await call(mum, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[12], ids[13], ids[14]] });
    await call(mum, 'PATCH', `/api/albums/${album.id}`, { cover_media_id: ids[13] });
    const grid = async () =>
      (
        (await call(mum, 'GET', `/api/media/library?album=${album.id}`)).json() as { items: { id: string }[] }
      ).items.map((item) => item.id);
    // Members trash what they uploaded.
    const kidId = (
      await h.t.db.selectFrom('users').select('id').where('username', '=', 'kid').executeTakeFirstOrThrow()
    ).id;
    await h.t.db.updateTable('media_files').set({ uploaded_by: kidId }).where('id', '=', ids[13]!).execute();
    const trashed = await call(kid, 'POST', '/api/media/trash', { ids: [ids[13]] });
    expect(trashed.statusCode, trashed.body).toBe(200);

    expect(await grid()).toEqual([ids[12], ids[14]]);
    const without = (await call(mum, 'GET', `/api/albums/${album.id}`)).json() as Album;
    expect(without).toMatchObject({ item_count: 2, cover_media_id: ids[12] });
    expect(without.cover_thumbnail_url).not.toContain(ids[13]);
    expect((await list(kid)).find((a) => a.id === album.id)?.item_count).toBe(2);
    // Nor can it be added to another album while in the trash.
    const other = await create(kid, 'Other');
    const refused = await call(kid, 'POST', `/api/albums/${other.id}/items`, { media_ids: [ids[13]] });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toMatchObject({ code: 'MEDIA_001', details: { missing: [ids[13]] } });

    expect((await call(kid, 'POST', '/api/trash/restore', { ids: [ids[13]] })).statusCode).toBe(200);
    expect(await grid()).toEqual([ids[12], ids[13], ids[14]]);
    expect((await call(mum, 'GET', `/api/albums/${album.id}`)).json()).toMatchObject({
      item_count: 3,
      cover_media_id: ids[13],
      cover_chosen: true,
    });
  });

  it('audits every change', async () => {
    const album = await create(kid, 'Audited');
    await call(kid, 'POST', `/api/albums/${album.id}/items`, { media_ids: [ids[11]] });
    await call(kid, 'PATCH', `/api/albums/${album.id}`, { name: 'Audited!' });
    await call(kid, 'DELETE', `/api/albums/${album.id}/items/${ids[11]}`);
    await call(kid, 'DELETE', `/api/albums/${album.id}`);
    await h.app.auditLog.flush();
    const rows = await h.t.db
      .selectFrom('access_logs')
      .select(['action', 'details'])
      .where('action', 'like', 'album.%')
      .where(({ ref, val, fn }) => fn('jsonb_extract_path_text', [ref('details'), val('album_id')]), '=', album.id)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.action)).toEqual([
      'album.create',
      'album.items_add',
      'album.update',
      'album.items_remove',
      'album.delete',
    ]);
  });

  it('answers bad input with a 4xx in the error format, never a 500', async () => {
    const album = await create(mum, 'Strict');
    const processing = galleryRow(9001, { status: 'processing' });
    await h.t.db.insertInto('media_files').values(processing).execute();
    const missingAlbum = '00000000-0000-4000-8000-000000000000';
    const cases: [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, object | undefined, number, string][] = [
      ['empty name', 'POST', '/api/albums', { name: '' }, 400, 'SYSTEM_003'],
      ['blank name', 'POST', '/api/albums', { name: '   ' }, 400, 'SYSTEM_003'],
      ['long name', 'POST', '/api/albums', { name: 'x'.repeat(201) }, 400, 'SYSTEM_003'],
      ['no name', 'POST', '/api/albums', {}, 400, 'SYSTEM_003'],
      ['unknown field', 'POST', '/api/albums', { name: 'a', owner: 'me' }, 400, 'SYSTEM_003'],
      ['bad album id', 'GET', '/api/albums/nope', undefined, 400, 'SYSTEM_003'],
      ['missing album', 'GET', `/api/albums/${missingAlbum}`, undefined, 404, 'SYSTEM_005'],
      ['empty patch', 'PATCH', `/api/albums/${album.id}`, {}, 400, 'SYSTEM_003'],
      ['cover not in album', 'PATCH', `/api/albums/${album.id}`, { cover_media_id: ids[0] }, 400, 'SYSTEM_003'],
      ['patch missing album', 'PATCH', `/api/albums/${missingAlbum}`, { name: 'x' }, 404, 'SYSTEM_005'],
      ['delete missing album', 'DELETE', `/api/albums/${missingAlbum}`, undefined, 404, 'SYSTEM_005'],
      ['no ids', 'POST', `/api/albums/${album.id}/items`, { media_ids: [] }, 400, 'SYSTEM_003'],
      ['bad ids', 'POST', `/api/albums/${album.id}/items`, { media_ids: ['x'] }, 400, 'SYSTEM_003'],
      [
        'too many ids',
        'POST',
        `/api/albums/${album.id}/items`,
        { media_ids: Array.from({ length: 501 }, () => ids[0]) },
        400,
        'SYSTEM_003',
      ],
      ['unknown item', 'POST', `/api/albums/${album.id}/items`, { media_ids: [missingAlbum] }, 404, 'MEDIA_001'],
      [
        'item not processed',
        'POST',
        `/api/albums/${album.id}/items`,
        { media_ids: [ids[0], processing.id] },
        404,
        'MEDIA_001',
      ],
      ['add to missing album', 'POST', `/api/albums/${missingAlbum}/items`, { media_ids: [ids[0]] }, 404, 'SYSTEM_005'],
      ['bad item id', 'DELETE', `/api/albums/${album.id}/items/nope`, undefined, 400, 'SYSTEM_003'],
      ['bad album filter', 'GET', '/api/media/library?album=nope', undefined, 400, 'SYSTEM_003'],
    ];
    for (const [name, method, url, payload, status, code] of cases) {
      const response = await call(mum, method, url, payload);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      const { error } = response.json();
      expect(error.code, name).toBe(code);
      expect(typeof error.timestamp, name).toBe('string');
    }
    // A refused batch adds nothing.
    expect(((await call(mum, 'GET', `/api/albums/${album.id}`)).json() as Album).item_count).toBe(0);
    expect((await h.app.inject({ method: 'GET', url: '/api/albums' })).statusCode).toBe(401);
  });
});
