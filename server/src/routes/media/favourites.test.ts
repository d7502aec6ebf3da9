import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/testApp.js';
import { createTestHousehold } from '../../testing/testHousehold.js';
import { galleryRow } from '../../testing/insertMediaRows.js';
import type { SignedIn } from '../../testing/testUsers.js';

interface Page {
  items: { id: string; is_favourite: boolean }[];
  next_cursor: string | null;
  total: number;
}

describe('favourites, per person', () => {
  let h: TestApp;
  let mum: SignedIn;
  let kid: SignedIn;
  let ids: string[];

  beforeAll(async () => {
    ({ h, mum, kid, ids } = await createTestHousehold(30));
  });
  afterAll(() => h.close());

  const call = (who: SignedIn, method: 'PUT' | 'DELETE' | 'GET', url: string) =>
    h.app.inject({ method, url, headers: who.auth });
  const library = async (who: SignedIn, query = '') => {
    const response = await call(who, 'GET', `/api/media/library?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };

  it('a heart is mine: my favourites show in my Favourites view and as is_favourite, not in anyone else’s', async () => {
    const mine = [ids[3]!, ids[7]!, ids[20]!];
    for (const id of mine) expect((await call(mum, 'PUT', `/api/media/${id}/favourite`)).statusCode).toBe(204);
    // Twice is the same as once.
    expect((await call(mum, 'PUT', `/api/media/${mine[0]}/favourite`)).statusCode).toBe(204);

    const favourites = await library(mum, 'favourites=true');
    expect(favourites.items.map((item) => item.id)).toEqual(mine);
    expect(favourites.total).toBe(3);
    expect(favourites.items.every((item) => item.is_favourite)).toBe(true);

    const all = await library(mum, 'limit=100');
    expect(all.items.filter((item) => item.is_favourite).map((item) => item.id)).toEqual(mine);
    expect((await call(mum, 'GET', `/api/media/${mine[1]}`)).json().is_favourite).toBe(true);

    expect((await library(kid, 'favourites=true')).items).toEqual([]);
    expect((await library(kid, 'favourites=true')).total).toBe(0);
    expect((await library(kid, 'limit=100')).items.some((item) => item.is_favourite)).toBe(false);
    expect((await call(kid, 'GET', `/api/media/${mine[1]}`)).json().is_favourite).toBe(false);
  });

  it('pages through favourites with the same keyset cursor, combined with the type filter', async () => {
    const videos = ids.filter((_, i) => i % 2 === 0).slice(0, 9);
    for (const id of videos) await call(kid, 'PUT', `/api/media/${id}/favourite`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await library(kid, `favourites=true&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(videos);

    const onlyVideos = await library(kid, 'favourites=true&type=video&limit=100');
    const videoIds = new Set(
      (await h.t.db.selectFrom('media_files').select('id').where('type', '=', 'video').execute()).map((r) => r.id),
    );
    expect(onlyVideos.items.map((item) => item.id)).toEqual(videos.filter((id) => videoIds.has(id)));
    expect(onlyVideos.total).toBe(onlyVideos.items.length);
  });

  it('removing a heart, and removing one that is not there, both answer 204', async () => {
    expect((await call(mum, 'DELETE', `/api/media/${ids[3]}/favourite`)).statusCode).toBe(204);
    expect((await call(mum, 'DELETE', `/api/media/${ids[3]}/favourite`)).statusCode).toBe(204);
    expect((await library(mum, 'favourites=true')).items.map((item) => item.id)).toEqual([ids[7], ids[20]]);
  });

  it('an item that is not in the gallery cannot be a favourite; a bad id is a 400', async () => {
    const processing = galleryRow(9001, { status: 'processing' });
    await h.t.db.insertInto('media_files').values(processing).execute();
    const notReady = await call(mum, 'PUT', `/api/media/${processing.id}/favourite`);
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().error.code).toBe('MEDIA_007');
    const missing = await call(mum, 'PUT', '/api/media/00000000-0000-4000-8000-000000000000/favourite');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('MEDIA_001');
    const bad = await call(mum, 'PUT', '/api/media/not-a-uuid/favourite');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SYSTEM_003');
    expect((await call(mum, 'GET', '/api/media/library?favourites=maybe')).statusCode).toBe(400);
  });

  it('a deleted item leaves no favourite behind', async () => {
    await h.t.db.deleteFrom('media_files').where('id', '=', ids[7]!).execute();
    const left = await h.t.db.selectFrom('favourites').select('media_id').where('media_id', '=', ids[7]!).execute();
    expect(left).toEqual([]);
    expect((await library(mum, 'favourites=true')).items.map((item) => item.id)).toEqual([ids[20]]);
  });
});
