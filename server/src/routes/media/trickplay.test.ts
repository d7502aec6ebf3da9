import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrickplayView } from '@keepsake/contracts';
import { createProcessingEnv, generateImage, generateVideo, type ProcessingEnv } from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

interface Item {
  id: string;
  type: string;
  trickplay_url: string | null;
  stream_url: string | null;
}

/** The seek-bar previews of a real processed video, served decrypted through signed URLs. */
describe('trickplay routes', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let member: SignedIn;
  let video: Item;
  let photo: Item;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    await generateVideo({ file: path.join(env.importsDir, 'beach.mp4'), width: 320, height: 180, seconds: 12, fps: 4 });
    await generateImage({ file: path.join(env.importsDir, 'garden.jpg'), width: 64, height: 48, format: 'jpeg' });
    expect((await env.processor().runOnce()).completed).toBe(2);
    h = await createTestApp({ processing: env });
    await createTestUser(h.t.db, 'kid');
    member = await signIn(h.app, 'kid');
    const items = (await get('/api/media/library', member.auth)).json().items as Item[];
    video = items.find((i) => i.type === 'video')!;
    photo = items.find((i) => i.type === 'image')!;
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });
  const bare = (url: string) => url.replace(/\?t=.*$/, '');
  const index = async () => (await get(video.trickplay_url!)).json<TrickplayView>();

  it('links a video to its previews and a photo to none', () => {
    expect(video.trickplay_url).toMatch(new RegExp(`^/api/media/trickplay/${video.id}\\?t=`));
    expect(photo.trickplay_url).toBeNull();
  });

  it('serves the index with signed sheet URLs, not stored, and each sheet as the sealed WebP', async () => {
    const response = await get(video.trickplay_url!);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const view = response.json<TrickplayView>();
    expect(view).toMatchObject({ version: 1, interval: 1, tileWidth: 160, tileHeight: 90, columns: 10, rows: 10 });
    expect(view.count).toBeGreaterThanOrEqual(11);
    expect(view.sheets).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain('.sealed');
    const sheetUrl = view.sheets[0]!.url;
    expect(sheetUrl).toMatch(new RegExp(`^/api/media/trickplay/${video.id}/0\\?t=`));
    const sheet = await get(sheetUrl);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('image/webp');
    const picture = await sharp(sheet.rawPayload).metadata();
    expect([picture.format, picture.width, picture.height]).toEqual(['webp', 1600, 900]);
  });

  it('asks a signed token of the previews purpose: none, another purpose or a bad sheet is refused', async () => {
    const sheetUrl = (await index()).sheets[0]!.url;
    expect((await get(bare(sheetUrl))).statusCode).toBe(403);
    expect((await get(bare(video.trickplay_url!))).statusCode).toBe(403);
    const streamToken = new URL(`http://x${video.stream_url}`).searchParams.get('t');
    const wrongPurpose = await get(`${bare(sheetUrl)}?t=${streamToken}`);
    expect(wrongPurpose.statusCode).toBe(403);
    expect(wrongPurpose.json().error.code).toBe('SEC_002');
    // With the access token instead of a signed URL, after the same session checks.
    expect((await get(bare(sheetUrl), member.auth)).statusCode).toBe(200);
    const token = new URL(`http://x${sheetUrl}`).searchParams.get('t');
    const missing = await get(`/api/media/trickplay/${video.id}/7?t=${token}`);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'MEDIA_001']);
    const bad = await get(`/api/media/trickplay/${video.id}/..%2Fthumb?t=${token}`);
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for a photo and for a trashed video', async () => {
    expect((await get(`/api/media/trickplay/${photo.id}`, member.auth)).statusCode).toBe(404);
    const sheetUrl = (await index()).sheets[0]!.url;
    await h.t.db
      .updateTable('media_files')
      .set({ status: 'trashed', trashed_at: new Date() })
      .where('id', '=', video.id)
      .execute();
    try {
      for (const url of [video.trickplay_url!, sheetUrl]) {
        const response = await get(url);
        expect([response.statusCode, response.json().error.code], url).toEqual([404, 'MEDIA_001']);
      }
    } finally {
      await h.t.db
        .updateTable('media_files')
        .set({ status: 'completed', trashed_at: null })
        .where('id', '=', video.id)
        .execute();
    }
  });
});
