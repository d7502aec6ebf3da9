import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trash } from '@keepsake/database';
import {
  createProcessingEnv,
  generateImage,
  writeLiveMotion,
  writeLiveStill,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

interface Item {
  id: string;
  type: string;
  original_name: string;
  motion_url: string | null;
  thumbnail_url: string | null;
}

/** A Live Photo's motion, served decrypted through a signed URL, with ranges, gone with the item. */
describe('motion route', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let member: SignedIn;
  let live: Item;
  let plain: Item;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    const id = '5E0C7A11-0000-4000-8000-00000000AA01';
    await writeLiveStill({
      file: path.join(env.importsDir, 'IMG_1.HEIC'),
      width: 320,
      height: 240,
      format: 'heic',
      contentIdentifier: id,
    });
    await generateImage({ file: path.join(env.importsDir, 'garden.jpg'), width: 64, height: 48, format: 'jpeg' });
    expect((await env.processor().runOnce()).completed).toBe(2);
    await writeLiveMotion({
      file: path.join(env.importsDir, 'IMG_1.MOV'),
      width: 320,
      height: 240,
      seconds: 2,
      contentIdentifier: id,
    });
    await env.processor().runOnce();
    h = await createTestApp({ processing: env });
    await createTestUser(h.t.db, 'kid');
    member = await signIn(h.app, 'kid');
    const items = (await get('/api/media/library', member.auth)).json().items as Item[];
    expect(items).toHaveLength(2);
    live = items.find((i) => i.original_name === 'IMG_1.HEIC')!;
    plain = items.find((i) => i.original_name === 'garden.jpg')!;
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });
  const bare = (url: string) => url.replace(/\?t=.*$/, '');

  it('links a Live Photo to its motion, and a photo without one to none', () => {
    expect(live.motion_url).toMatch(new RegExp(`^/api/media/motion/${live.id}\\?t=`));
    expect(plain.motion_url).toBeNull();
  });

  it('serves the motion as MP4, whole and by range', async () => {
    const whole = await get(live.motion_url!);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const part = await get(live.motion_url!, { range: 'bytes=0-99' });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(whole.rawPayload.subarray(0, 100))).toBe(true);
  });

  it('asks for a signed token: none or another item is refused', async () => {
    expect((await get(bare(live.motion_url!))).statusCode).toBe(403);
    const otherToken = new URL(`http://x${plain.thumbnail_url}`).searchParams.get('t');
    const other = await get(`${bare(live.motion_url!)}?t=${otherToken}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('SEC_002');
  });

  it('answers 404 MEDIA_001 for a photo without motion', async () => {
    const response = await get(`/api/media/motion/${plain.id}`, member.auth);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('MEDIA_001');
  });

  it('answers 404 once the Live Photo is in the trash', async () => {
    await trash.moveToTrash(h.t.db, [live.id], null);
    const response = await get(live.motion_url!);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('MEDIA_001');
  });
});
