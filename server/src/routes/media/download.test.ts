import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import {
  createProcessingEnv,
  generateImage,
  generateVideo,
  writeDng,
  writeLiveMotion,
  writeLiveStill,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

const run = promisify(execFile);

/** Downloads of originals, one by one and as a zip, from what the real processor sealed. */
describe('downloads (real processed media)', () => {
  let env: ProcessingEnv;
  let sources: string;
  let h: TestApp;
  let locked: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  let lockedMember: SignedIn;
  let memberId: string;
  const dropped = new Map<string, Buffer>();
  const byName = new Map<string, MediaFile>();

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    sources = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-download-'));
    await generateImage({ file: path.join(env.importsDir, 'garden.jpg'), width: 640, height: 480, format: 'jpeg' });
    // The same shot as a RAW too (RAW+JPEG): kept with garden.jpg's item, not an item of its own.
    await writeDng({ file: path.join(env.importsDir, 'garden.dng'), width: 64, height: 48 });
    await generateImage({ file: path.join(env.importsDir, 'Été à Noël.png'), width: 300, height: 200, format: 'png' });
    await generateImage({ file: path.join(env.importsDir, 'lost.jpg'), width: 200, height: 300, format: 'jpeg' });
    await generateVideo({ file: path.join(env.importsDir, 'beach.mp4'), width: 320, height: 240, seconds: 2, fps: 10 });
    // A Live Photo: its MOV is kept with IMG_7.HEIC's item as its motion's source.
    const live = { contentIdentifier: 'D0C5A1E0-0000-4000-8000-000000000007', width: 320, height: 240 };
    await writeLiveStill({ file: path.join(env.importsDir, 'IMG_7.HEIC'), format: 'heic', ...live });
    await writeLiveMotion({ file: path.join(env.importsDir, 'IMG_7.MOV'), seconds: 1, ...live });
    for (const name of await fs.readdir(env.importsDir)) {
      dropped.set(name, await fs.readFile(path.join(env.importsDir, name)));
    }
    expect((await env.processor().runOnce()).completed).toBe(7);
    for (const item of await env.t.db.selectFrom('media_files').selectAll().execute()) {
      byName.set(item.original_name, item);
    }
    // As if processed with KEEP_ORIGINALS=false.
    await env.t.db
      .updateTable('media_files')
      .set({ original_path: null })
      .where('original_name', '=', 'lost.jpg')
      .execute();

    h = await createTestApp({ processing: env });
    locked = await createTestApp({ processing: env, env: { MEMBERS_CAN_DOWNLOAD: 'false' } });
    await createTestUser(h.t.db, 'mum', 'admin');
    memberId = (await createTestUser(h.t.db, 'kid')).id;
    admin = await signIn(h.app, 'mum');
    member = await signIn(h.app, 'kid');
    lockedMember = await signIn(locked.app, 'kid');
  }, 240_000);

  afterAll(async () => {
    await locked?.close();
    await h?.close();
    await env?.close();
    if (sources) await fs.rm(sources, { recursive: true, force: true });
  });

  const id = (name: string) => byName.get(name)!.id;
  const originalUrl = async (app: TestApp, who: SignedIn, name: string) => {
    const detail = await app.app.inject({ method: 'GET', url: `/api/media/${id(name)}`, headers: who.auth });
    return detail.json().original_url as string | null;
  };
  const askZip = (app: TestApp, who: SignedIn, ids: string[]) =>
    app.app.inject({ method: 'POST', url: '/api/media/download', headers: who.auth, payload: { ids } });
  const downloadActions = async () => {
    await h.app.auditLog.flush();
    await locked.app.auditLog.flush();
    return h.t.db
      .selectFrom('access_logs')
      .select(['media_id', 'user_id'])
      .where('action', '=', 'media.download')
      .execute();
  };

  it('gives a member the original byte for byte, under its unicode name, and audits it', async () => {
    // A JPEG kept with its RAW downloads as the JPEG: the picture the gallery shows.
    for (const name of ['Été à Noël.png', 'beach.mp4', 'garden.jpg']) {
      const url = await originalUrl(h, member, name);
      expect(url).toMatch(/^\/api\/media\/original\//);
      const response = await h.app.inject({ method: 'GET', url: url! });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(dropped.get(name)!)).toBe(true);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    }
    const rows = await downloadActions();
    expect(rows).toEqual(
      expect.arrayContaining([
        { media_id: id('Été à Noël.png'), user_id: memberId },
        { media_id: id('beach.mp4'), user_id: memberId },
      ]),
    );
  });

  it('says clearly when an original was not kept', async () => {
    expect(await originalUrl(h, admin, 'lost.jpg')).toBeNull();
    const token = h.app.mediaUrls.sign(admin.sessionId, `original:${id('lost.jpg')}`);
    const response = await h.app.inject({ method: 'GET', url: `/api/media/original/${id('lost.jpg')}?t=${token}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('MEDIA_001');
  });

  it('zips several originals (a RAW beside its JPEG, a MOV beside its still), all byte-identical, and names what it left out', async () => {
    const names = ['garden.jpg', 'Été à Noël.png', 'beach.mp4', 'IMG_7.HEIC', 'lost.jpg'];
    const asked = await askZip(h, member, names.map(id));
    expect(asked.statusCode).toBe(200);
    const url = asked.json().url as string;
    expect(url).toMatch(/^\/api\/media\/download\/[0-9a-f-]{36}\?t=/);
    const before = (await downloadActions()).length;

    const response = await h.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="keepsake-\d{4}-\d\d-\d\d\.zip"/);
    const zip = path.join(sources, 'download.zip');
    await fs.writeFile(zip, response.rawPayload);
    const listing = (await run('unzip', ['-Z1', zip])).stdout.trim().split('\n');
    const kept = ['garden.jpg', 'garden.dng', 'Été à Noël.png', 'beach.mp4', 'IMG_7.HEIC', 'IMG_7.MOV'];
    expect(listing).toEqual([...kept, 'SKIPPED.txt']);
    for (const name of kept) {
      const out = await run('unzip', ['-p', zip, name], { encoding: 'buffer', maxBuffer: 64 * 1024 ** 2 });
      expect(out.stdout.equals(dropped.get(name)!), name).toBe(true);
    }
    const skipped = (await run('unzip', ['-p', zip, 'SKIPPED.txt'])).stdout;
    expect(skipped).toContain('lost.jpg: its original was not kept');

    const rows = await downloadActions();
    expect(rows.length - before).toBe(4);
    expect(rows.slice(before).map((r) => r.media_id)).toEqual(
      expect.arrayContaining(['garden.jpg', 'Été à Noël.png', 'beach.mp4', 'IMG_7.HEIC'].map(id)),
    );
  });

  it("opens a zip's URL only with its own token, of a live session", async () => {
    const url = (await askZip(h, member, [id('garden.jpg')])).json().url as string;
    const [pathPart] = url.split('?');
    const other = h.app.mediaUrls.sign(member.sessionId, `original:${id('garden.jpg')}`);
    const forged = await h.app.inject({ method: 'GET', url: `${pathPart}?t=${other}` });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('SEC_002');
    const unknown = `/api/media/download/00000000-0000-4000-8000-000000000000`;
    const expired = await h.app.inject({
      method: 'GET',
      url: `${unknown}?t=${h.app.mediaUrls.sign(member.sessionId, `download:00000000-0000-4000-8000-000000000000`)}`,
    });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.code).toBe('SYSTEM_005');
  });

  it('refuses bad zip requests with a 400', async () => {
    for (const ids of [[], ['not-a-uuid'], Array.from({ length: 501 }, () => id('garden.jpg'))]) {
      const response = await askZip(h, member, ids);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('SYSTEM_003');
    }
  });

  it('refuses members while MEMBERS_CAN_DOWNLOAD is off (403 DOWNLOAD_001); admins still may', async () => {
    expect(await originalUrl(locked, lockedMember, 'garden.jpg')).toBeNull();
    const token = locked.app.mediaUrls.sign(lockedMember.sessionId, `original:${id('garden.jpg')}`);
    const single = await locked.app.inject({
      method: 'GET',
      url: `/api/media/original/${id('garden.jpg')}?t=${token}`,
    });
    expect(single.statusCode).toBe(403);
    expect(single.json().error.code).toBe('DOWNLOAD_001');
    const zip = await askZip(locked, lockedMember, [id('garden.jpg')]);
    expect(zip.statusCode).toBe(403);
    expect(zip.json()).toEqual({ error: expect.objectContaining({ code: 'DOWNLOAD_001' }) });

    const lockedAdmin = await signIn(locked.app, 'mum');
    const url = await originalUrl(locked, lockedAdmin, 'garden.jpg');
    const response = await locked.app.inject({ method: 'GET', url: url! });
    expect(response.rawPayload.equals(dropped.get('garden.jpg')!)).toBe(true);
  });
});
