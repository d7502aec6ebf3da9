import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaFile } from '@keepsake/database';
import {
  bindingFor,
  eraseMedia,
  openKeyStore,
  openSealedFile,
  purgeExpiredTrash,
  removeErasedFiles,
  storageKeyResolver,
} from '@keepsake/vault';
import { createProcessingEnv, generateImage, generateVideo, type ProcessingEnv } from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

interface Item {
  id: string;
  thumbnail_url: string;
  image_url: string | null;
  poster_url: string | null;
  stream_url: string | null;
  original_url: string | null;
}

/** Trash, restore and delete forever over what the real processor made, through the real app. */
describe('the trash (real processed media)', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let admin: SignedIn;
  let kid: SignedIn;
  let dad: SignedIn;
  let kidId: string;
  let aside: string;
  const byName = new Map<string, MediaFile>();

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    aside = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-trash-aside-'));
    // Uploads land in uploads/<username>/, which makes the item theirs (uploaded_by).
    await createTestUser(env.t.db, 'mum', 'admin');
    kidId = (await createTestUser(env.t.db, 'kid')).id;
    await createTestUser(env.t.db, 'dad');
    const kidDir = path.join(env.importsDir, 'uploads', 'kid');
    await generateImage({ file: path.join(kidDir, 'a.jpg'), width: 640, height: 480, format: 'jpeg' });
    await generateImage({ file: path.join(kidDir, 'b.jpg'), width: 600, height: 400, format: 'jpeg' });
    await generateImage({ file: path.join(kidDir, 'c.jpg'), width: 500, height: 300, format: 'jpeg' });
    await generateVideo({ file: path.join(kidDir, 'clip.mp4'), width: 320, height: 240, seconds: 2, fps: 10 });
    await generateImage({
      file: path.join(env.importsDir, 'uploads', 'dad', 'd.jpg'),
      width: 420,
      height: 300,
      format: 'jpeg',
    });
    await generateImage({ file: path.join(env.importsDir, 'dropped.jpg'), width: 380, height: 260, format: 'jpeg' });
    expect((await env.processor().runOnce()).completed).toBe(6);
    for (const item of await env.t.db.selectFrom('media_files').selectAll().execute())
      byName.set(item.original_name, item);
    expect(byName.get('a.jpg')!.uploaded_by).toBe(kidId);

    h = await createTestApp({ processing: env });
    admin = await signIn(h.app, 'mum');
    kid = await signIn(h.app, 'kid');
    dad = await signIn(h.app, 'dad');
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await env?.close();
    if (aside) await fs.rm(aside, { recursive: true, force: true });
  });

  const id = (name: string) => byName.get(name)!.id;
  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: who.auth, ...(payload ? { payload } : {}) });
  const get = (url: string) => h.app.inject({ method: 'GET', url });
  const trash = (who: SignedIn, names: string[]) => call(who, 'POST', '/api/media/trash', { ids: names.map(id) });
  const restore = (who: SignedIn, names: string[]) => call(who, 'POST', '/api/trash/restore', { ids: names.map(id) });
  const deleteForever = (who: SignedIn, names: string[]) =>
    call(who, 'POST', '/api/trash/delete', { ids: names.map(id) });
  const libraryIds = async (who: SignedIn, query = '') =>
    ((await call(who, 'GET', `/api/media/library?limit=100${query}`)).json().items as { id: string }[]).map(
      (i) => i.id,
    );
  const keyRows = (mediaId: string) =>
    env.t.db.selectFrom('encryption_keys').select('id').where('media_id', '=', mediaId).execute();
  const itemFolders = async (mediaId: string) => {
    const present: string[] = [];
    for (const kind of ['images', 'videos', 'originals']) {
      if (await fs.stat(path.join(env.assetsDir, kind, mediaId)).catch(() => null)) present.push(kind);
    }
    return present;
  };
  const auditRows = async (action: string) => {
    await h.app.auditLog.flush();
    return env.t.db.selectFrom('access_logs').selectAll().where('action', '=', action).orderBy('id').execute();
  };

  /** Every URL the item's details hand out, and for a video its variant playlist, key and a segment. */
  async function mediaUrls(who: SignedIn, name: string): Promise<string[]> {
    const detail = await call(who, 'GET', `/api/media/${id(name)}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const item = detail.json() as Item;
    const urls = [item.thumbnail_url, item.image_url, item.poster_url, item.stream_url, item.original_url].filter(
      (url): url is string => url !== null,
    );
    if (item.stream_url) {
      const master = await get(item.stream_url);
      const variantUrl = master.body.split('\n').find((line) => line.startsWith('/api/'))!;
      const variant = await get(variantUrl);
      const keyUrl = /URI="([^"]+)"/.exec(variant.body)![1]!;
      const segmentUrl = variant.body.split('\n').find((line) => line.startsWith('/api/media/segment/'))!;
      urls.push(variantUrl, keyUrl, segmentUrl);
    }
    return urls;
  }

  it('lets members trash only what they uploaded, admins anything; all or nothing, in the error format', async () => {
    const forbidden = await trash(kid, ['a.jpg', 'd.jpg']);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toMatchObject({ code: 'TRASH_001', details: { forbidden: [id('d.jpg')] } });
    expect((await trash(kid, ['dropped.jpg'])).json().error.code).toBe('TRASH_001');
    // Nothing moved, the permitted one neither.
    expect(await libraryIds(kid)).toEqual(expect.arrayContaining([id('a.jpg'), id('d.jpg')]));

    const unknown = await call(kid, 'POST', '/api/media/trash', { ids: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('MEDIA_001');
    for (const payload of [{}, { ids: [] }, { ids: ['nope'] }, { ids: [id('a.jpg')], extra: 1 }]) {
      const bad = await call(kid, 'POST', '/api/media/trash', payload);
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.code).toBe('SYSTEM_003');
    }
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/media/trash', payload: { ids: [id('a.jpg')] } })).statusCode,
    ).toBe(401);

    // Dad may not restore or delete the kid's items either, once trashed by an admin.
    expect((await trash(admin, ['d.jpg'])).json()).toEqual({ trashed: [id('d.jpg')] });
    expect((await restore(kid, ['d.jpg'])).statusCode).toBe(403);
    expect((await deleteForever(kid, ['d.jpg'])).statusCode).toBe(403);
    expect((await restore(dad, ['d.jpg'])).json()).toEqual({ restored: [id('d.jpg')] });
  });

  it('tells the viewer who may trash an item: can_trash, as the trash route decides it', async () => {
    const canTrash = async (who: SignedIn, name: string) => {
      const answer = await call(who, 'GET', `/api/media/${id(name)}`);
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json().can_trash as boolean;
    };
    expect(await canTrash(kid, 'a.jpg')).toBe(true);
    expect(await canTrash(kid, 'd.jpg')).toBe(false);
    expect(await canTrash(kid, 'dropped.jpg')).toBe(false);
    expect(await canTrash(dad, 'd.jpg')).toBe(true);
    expect(await canTrash(admin, 'dropped.jpg')).toBe(true);
    expect(await canTrash(admin, 'a.jpg')).toBe(true);
  });

  it('answers a forged or out-of-range trash cursor with 400 SYSTEM_003, never a database error', async () => {
    const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const values of [
      ['2025-02-30 10:00:00+00', '2025-01-01 10:00:00+00', id('a.jpg')],
      ['not a time', '2025-01-01 10:00:00+00', id('a.jpg')],
      ['2025-06-01 12:00:00+00', '2025-01-01 10:00:00+00', '-'.repeat(36)],
      ['2025-06-01 12:00:00+00', id('a.jpg')],
    ]) {
      const answer = await call(admin, 'GET', `/api/trash?cursor=${forged(values)}`);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().error.code).toBe('SYSTEM_003');
    }
  });

  it('pages through the trash with its cursor; items trashed together keep the gallery order', async () => {
    const names = ['a.jpg', 'b.jpg', 'c.jpg', 'clip.mp4'];
    const galleryOrder = (await libraryIds(admin)).filter((itemId) => names.map(id).includes(itemId));
    expect((await trash(admin, names)).statusCode).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(admin, 'GET', `/api/trash?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json() as { items: { id: string }[]; next_cursor: string | null };
      seen.push(...body.items.map((item) => item.id));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(galleryOrder);
    expect((await restore(admin, names)).json().restored).toHaveLength(names.length);
  });

  it('takes a trashed item out of every view and answers 404 on every URL handed out before; restore brings them back', async () => {
    expect((await call(kid, 'PUT', `/api/media/${id('clip.mp4')}/favourite`)).statusCode).toBe(204);
    const urls = await mediaUrls(kid, 'clip.mp4');
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) expect((await get(url)).statusCode, url).toBe(200);

    expect((await trash(kid, ['clip.mp4'])).json()).toEqual({ trashed: [id('clip.mp4')] });
    // Again: no change.
    expect((await trash(kid, ['clip.mp4'])).json()).toEqual({ trashed: [] });
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('MEDIA_001');
    }
    expect((await call(kid, 'GET', `/api/media/${id('clip.mp4')}`)).statusCode).toBe(404);
    expect(await libraryIds(kid)).not.toContain(id('clip.mp4'));
    expect(await libraryIds(kid, '&type=video')).toEqual([]);
    expect(await libraryIds(kid, '&favourites=true')).toEqual([]);
    expect(await libraryIds(kid, '&q=clip')).toEqual([]);
    expect((await call(kid, 'GET', '/api/media/library')).json().total).toBe(5);

    const page = (await call(kid, 'GET', '/api/trash')).json();
    expect(page.trash_days).toBe(30);
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([id('clip.mp4')]);
    const [entry] = page.items;
    expect(Date.parse(entry.delete_after) - Date.parse(entry.trashed_at)).toBe(30 * 86_400_000);
    expect(entry).toMatchObject({ original_name: 'clip.mp4', trashed_by: kidId, uploaded_by: kidId });
    // The trash of a member holds their own items; an admin's holds everyone's.
    expect((await call(dad, 'GET', '/api/trash')).json().items).toEqual([]);
    expect((await call(admin, 'GET', '/api/trash')).json().items).toHaveLength(1);

    // The Trash page's thumbnail: with the Bearer token, for those who may restore it, never cached.
    const thumbnailUrl = `/api/trash/${id('clip.mp4')}/thumbnail`;
    const thumbnail = await call(kid, 'GET', thumbnailUrl);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect(thumbnail.headers['cache-control']).toBe('no-store');
    expect(thumbnail.rawPayload.equals(await env.openSealed(byName.get('clip.mp4')!.thumbnail_path!))).toBe(true);
    expect((await call(dad, 'GET', thumbnailUrl)).json().error.code).toBe('TRASH_001');
    expect((await get(thumbnailUrl)).statusCode).toBe(401);

    expect((await restore(kid, ['clip.mp4'])).json()).toEqual({ restored: [id('clip.mp4')] });
    expect((await call(kid, 'GET', thumbnailUrl)).statusCode).toBe(404);
    for (const url of urls) expect((await get(url)).statusCode, url).toBe(200);
    expect(await libraryIds(kid, '&favourites=true')).toEqual([id('clip.mp4')]);
    expect((await call(kid, 'GET', '/api/trash')).json().items).toEqual([]);

    const trashed = await auditRows('media.trash');
    expect(trashed.at(-1)).toMatchObject({ media_id: id('clip.mp4'), user_id: kidId });
    expect((await auditRows('media.restore')).at(-1)).toMatchObject({ media_id: id('clip.mp4'), user_id: kidId });
  });

  it('deletes forever: keys of every generation gone first, then the files; copies made before open no more', async () => {
    const item = byName.get('a.jpg')!;
    const urls = await mediaUrls(kid, 'a.jpg');
    // Someone copied the sealed files aside (a copied assets/ folder).
    const copies = [item.image_path!, item.thumbnail_path!, item.original_path!];
    for (const [i, file] of copies.entries())
      await fs.copyFile(path.join(env.assetsDir, file), path.join(aside, `${i}`));
    const open = (i: number, store = env.keyStore) =>
      openSealedFile(path.join(aside, `${i}`), storageKeyResolver(store), {
        binding: bindingFor(item.id, path.basename(copies[i]!)),
      });
    expect((await open(0)).length).toBeGreaterThan(0);

    // Only from the trash.
    const notTrashed = await deleteForever(kid, ['a.jpg']);
    expect(notTrashed.statusCode).toBe(409);
    expect(notTrashed.json().error).toMatchObject({ code: 'SYSTEM_006', details: { not_in_trash: [item.id] } });

    await trash(kid, ['a.jpg']);
    const deleted = await deleteForever(kid, ['a.jpg']);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ deleted: [item.id], files_removed: true });

    expect(await keyRows(item.id)).toEqual([]);
    expect(await env.t.db.selectFrom('media_files').select('id').where('id', '=', item.id).execute()).toEqual([]);
    expect(await itemFolders(item.id)).toEqual([]);
    expect(await env.t.db.selectFrom('erased_media').selectAll().execute()).toEqual([]);
    for (const url of urls) expect((await get(url)).statusCode, url).toBe(404);
    expect((await call(kid, 'GET', '/api/trash')).json().items).toEqual([]);
    // Neither this process's key store (its cache forgot them) nor a fresh one opens the copies.
    const fresh = await openKeyStore({ db: env.t.db, masterKeyFile: path.join(env.privateDir, 'master.key') });
    for (const i of copies.keys()) {
      await expect(open(i)).rejects.toThrow();
      await expect(open(i, h.app.keyStore)).rejects.toThrow();
      await expect(open(i, fresh)).rejects.toThrow();
    }
    expect((await deleteForever(kid, ['a.jpg'])).statusCode).toBe(404);

    const [row] = await auditRows('media.delete');
    expect(row).toMatchObject({ user_id: kidId, media_id: null });
    expect(row!.details).toMatchObject({ media_id: item.id, name: 'a.jpg', reason: 'deleted forever' });
    expect((row!.details as { keys_destroyed: number }).keys_destroyed).toBeGreaterThanOrEqual(1);
  });

  it('survives a crash between the key deletion and the file removal: the files are unreadable, the next pass removes them', async () => {
    const item = byName.get('b.jpg')!;
    await fs.copyFile(path.join(env.assetsDir, item.image_path!), path.join(aside, 'b'));
    await trash(kid, ['b.jpg']);
    // Step one only, as if the server died right after its commit.
    expect(await eraseMedia(env.t.db, env.keyStore, item.id)).toMatchObject({ id: item.id, original_name: 'b.jpg' });
    expect(await keyRows(item.id)).toEqual([]);
    expect(await itemFolders(item.id)).toEqual(['images', 'originals']);
    for (const file of [path.join(env.assetsDir, item.image_path!), path.join(aside, 'b')]) {
      await expect(
        openSealedFile(file, storageKeyResolver(env.keyStore), { binding: bindingFor(item.id, 'image.webp.sealed') }),
      ).rejects.toThrow();
    }
    expect(await env.t.db.selectFrom('erased_media').select('media_id').execute()).toEqual([{ media_id: item.id }]);

    // What the processor's cleanup pass (and the next delete forever) runs.
    expect(await removeErasedFiles(env.t.db, env.assetsDir)).toEqual([item.id]);
    expect(await itemFolders(item.id)).toEqual([]);
    expect(await env.t.db.selectFrom('erased_media').selectAll().execute()).toEqual([]);
  });

  it('purges what has been in the trash longer than TRASH_DAYS, with an audit row and no user', async () => {
    await trash(kid, ['c.jpg']);
    await trash(admin, ['d.jpg']);
    const now = new Date();
    // c.jpg went in 31 days ago, d.jpg 29.
    await env.t.db
      .updateTable('media_files')
      .set({ trashed_at: new Date(now.getTime() - 31 * 86_400_000) })
      .where('id', '=', id('c.jpg'))
      .execute();
    await env.t.db
      .updateTable('media_files')
      .set({ trashed_at: new Date(now.getTime() - 29 * 86_400_000) })
      .where('id', '=', id('d.jpg'))
      .execute();
    const purged = await purgeExpiredTrash({ db: env.t.db, keyStore: env.keyStore, trashDays: 30 }, now);
    expect(purged.map((item) => item.id)).toEqual([id('c.jpg')]);
    expect(await removeErasedFiles(env.t.db, env.assetsDir)).toEqual([id('c.jpg')]);
    expect(await keyRows(id('c.jpg'))).toEqual([]);
    expect(await itemFolders(id('c.jpg'))).toEqual([]);
    expect((await keyRows(id('d.jpg'))).length).toBeGreaterThan(0);
    expect((await call(admin, 'GET', '/api/trash')).json().items.map((i: { id: string }) => i.id)).toEqual([
      id('d.jpg'),
    ]);

    const rows = await auditRows('media.delete');
    expect(rows.at(-1)).toMatchObject({ user_id: null, media_id: null });
    expect(rows.at(-1)!.details).toMatchObject({ media_id: id('c.jpg'), reason: 'in the trash for more than 30 days' });
  });

  it('leaves trashed items out of key rotation’s work', async () => {
    const { rotation } = await import('@keepsake/database');
    const toRotate = await rotation.listItemsToRotate(env.t.db, new Date(Date.now() + 60_000));
    expect(toRotate.map((item) => item.id)).not.toContain(id('d.jpg'));
    expect(toRotate.map((item) => item.id)).toContain(id('clip.mp4'));
  });
});
