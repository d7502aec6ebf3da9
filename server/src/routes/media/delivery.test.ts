import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import { createProcessingEnv, generateImage, generateVideo, playHlsUrl, type ProcessingEnv } from '@keepsake/testkit';
import { MediaUrlSigner } from '../../media/MediaUrlSigner.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

interface Item {
  id: string;
  thumbnail_url: string;
  image_url: string | null;
  preview_url: string | null;
  scene_preview_url: string | null;
  poster_url: string | null;
  stream_url: string | null;
}

/** Real media, made by the real processor from generated sources: one photo, one video with two variants. */
describe('media delivery (real processed media)', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  let photo: MediaFile;
  let video: MediaFile;
  let photoItem: Item;
  let videoItem: Item;
  let originalBytes: Buffer;
  let port: number;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    const sources = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-delivery-'));
    const photoFile = await generateImage({
      file: path.join(sources, 'garden.jpg'),
      width: 640,
      height: 480,
      format: 'jpeg',
    });
    originalBytes = await fs.readFile(photoFile);
    await fs.copyFile(photoFile, path.join(env.importsDir, 'garden.jpg'));
    // 854×480 makes a 480p and a 360p variant; 12 s makes two 10 s segments in each.
    await generateVideo({
      file: path.join(env.importsDir, 'beach.mp4'),
      width: 854,
      height: 480,
      seconds: 12,
      fps: 10,
    });
    const summary = await env.processor().runOnce();
    expect(summary.completed).toBe(2);
    await fs.rm(sources, { recursive: true, force: true });

    photo = await env.t.db.selectFrom('media_files').selectAll().where('type', '=', 'image').executeTakeFirstOrThrow();
    video = await env.t.db.selectFrom('media_files').selectAll().where('type', '=', 'video').executeTakeFirstOrThrow();
    expect(video.variants.length).toBeGreaterThanOrEqual(2);

    // Members may not download here, so the original stays the admins' (download.test.ts has the other case).
    h = await createTestApp({ processing: env, env: { MEMBERS_CAN_DOWNLOAD: 'false' } });
    await createTestUser(h.t.db, 'mum', 'admin');
    await createTestUser(h.t.db, 'kid');
    admin = await signIn(h.app, 'mum');
    member = await signIn(h.app, 'kid');
    const library = await h.app.inject({ method: 'GET', url: '/api/media/library', headers: member.auth });
    const items = library.json().items as (Item & { type: string })[];
    photoItem = items.find((i) => i.type === 'image')!;
    videoItem = items.find((i) => i.type === 'video')!;
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    port = (h.app.server.address() as AddressInfo).port;
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

  describe('images', () => {
    it('serves the photo and every thumbnail and preview as the WebP that was sealed', async () => {
      const cases: [string | null, string | null][] = [
        [photoItem.image_url, photo.image_path],
        [photoItem.thumbnail_url, photo.thumbnail_path],
        [videoItem.thumbnail_url, video.thumbnail_path],
        [videoItem.poster_url, video.poster_path],
        [videoItem.preview_url, video.preview_path],
        [videoItem.scene_preview_url, video.scene_preview_path],
      ];
      for (const [url, sealedPath] of cases) {
        expect(url).toBeTruthy();
        const response = await get(url!);
        expect(response.statusCode, url!).toBe(200);
        expect(response.headers['content-type']).toBe('image/webp');
        const body = response.rawPayload;
        expect(body.subarray(0, 4).toString('latin1')).toBe('RIFF');
        expect(body.subarray(8, 12).toString('latin1')).toBe('WEBP');
        expect(body.equals(await env.openSealed(sealedPath!))).toBe(true);
      }
    });

    it('answers a stored file that cannot be read (a folder in its place) with 500 SYSTEM_002, a storage error', async () => {
      const image = path.join(env.assetsDir, photo.image_path!);
      const kept = `${image}.kept`;
      await fs.rename(image, kept);
      try {
        await fs.mkdir(image);
        const response = await get(photoItem.image_url!);
        expect(response.statusCode).toBe(500);
        expect(response.json().error.code).toBe('SYSTEM_002');
      } finally {
        await fs.rm(image, { recursive: true, force: true });
        await fs.rename(kept, image);
      }
    });

    it('refuses a sealed file moved onto another one of the same item (the thumbnail over the photo)', async () => {
      const image = path.join(env.assetsDir, photo.image_path!);
      const kept = `${image}.kept`;
      await fs.rename(image, kept);
      try {
        await fs.copyFile(path.join(env.assetsDir, photo.thumbnail_path!), image);
        const response = await get(photoItem.image_url!);
        expect(response.statusCode).toBe(500);
        expect(response.json().error.code).toBe('MEDIA_003');
      } finally {
        await fs.rename(kept, image);
      }
      expect((await get(photoItem.image_url!)).statusCode).toBe(200);
    });

    it('lets thumbnails, previews and posters be reused only after asking (private, no-cache, ETag), never stores the photo', async () => {
      for (const url of [
        photoItem.thumbnail_url,
        videoItem.thumbnail_url,
        videoItem.poster_url!,
        videoItem.preview_url!,
        videoItem.scene_preview_url!,
      ]) {
        const response = await get(url);
        expect(response.headers['cache-control'], url).toBe('private, no-cache');
        expect(response.headers.etag, url).toMatch(/^"[0-9a-f-]+-\d+"$/);
        const again = await get(url, { 'if-none-match': response.headers.etag as string });
        expect(again.statusCode).toBe(304);
        expect(again.rawPayload.length).toBe(0);
      }
      const photoResponse = await get(photoItem.image_url!);
      expect(photoResponse.headers['cache-control']).toBe('no-store');
      expect(photoResponse.headers.etag).toBeUndefined();

      // After sign-out a revalidation is refused, so no cached picture is shown again.
      const viewer = await signIn(h.app, 'kid', { deviceId: 'cache-check' });
      const library = await h.app.inject({ method: 'GET', url: '/api/media/library', headers: viewer.auth });
      const tile = (library.json().items as Item[]).find((i) => i.id === photo.id)!.thumbnail_url;
      const first = await get(tile);
      await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: viewer.auth });
      const revalidate = await get(tile, { 'if-none-match': first.headers.etag as string });
      expect(revalidate.statusCode).toBe(401);
    });

    it("opens with a tile's token only the tile: not the photo, the poster, the stream or the original", async () => {
      const library = await h.app.inject({ method: 'GET', url: '/api/media/library', headers: admin.auth });
      const items = library.json().items as Item[];
      const tokenOf = (url: string | null) => new URL(`http://x${url!}`).searchParams.get('t')!;
      const adminPhoto = items.find((i) => i.id === photo.id)!;
      const adminVideo = items.find((i) => i.id === video.id)!;
      const attempts = [
        `/api/media/original/${photo.id}?t=${tokenOf(adminPhoto.thumbnail_url)}`,
        `/api/media/image/${photo.id}?t=${tokenOf(adminPhoto.thumbnail_url)}`,
        `/api/media/original/${photo.id}?t=${tokenOf(adminPhoto.image_url)}`,
        `/api/media/poster/${video.id}?t=${tokenOf(adminVideo.thumbnail_url)}`,
        `/api/media/stream/${video.id}?t=${tokenOf(adminVideo.preview_url)}`,
        `/api/media/thumbnail/${video.id}?t=${tokenOf(adminVideo.stream_url)}`,
        `/api/media/segment/${video.id}/g${video.generation}/${video.variants[0]!.name}/seg_00000.ts?t=${tokenOf(adminVideo.poster_url)}`,
      ];
      for (const url of attempts) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.code, url).toBe('SEC_002');
      }
      expect((await get(adminPhoto.thumbnail_url)).statusCode).toBe(200);
    });

    it('gives admins the original, whole or by Range, and members nothing', async () => {
      const detail = await h.app.inject({ method: 'GET', url: `/api/media/${photo.id}`, headers: admin.auth });
      const url = detail.json().original_url as string;
      expect(url).toMatch(new RegExp(`^/api/media/original/${photo.id}\\?t=`));
      const memberDetail = await h.app.inject({ method: 'GET', url: `/api/media/${photo.id}`, headers: member.auth });
      expect(memberDetail.json().original_url).toBeNull();
      const whole = await get(url);
      expect(whole.statusCode).toBe(200);
      expect(whole.headers['cache-control']).toBe('no-store');
      expect(whole.headers['content-type']).toBe('image/jpeg');
      expect(whole.headers['content-disposition']).toBe(
        `attachment; filename="garden.jpg"; filename*=UTF-8''garden.jpg`,
      );
      expect(whole.rawPayload.equals(originalBytes)).toBe(true);

      const part = await get(url, { range: 'bytes=100-1099' });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-1099/${originalBytes.length}`);
      expect(part.rawPayload.equals(originalBytes.subarray(100, 1100))).toBe(true);
      const tail = await get(url, { range: 'bytes=-10' });
      expect(tail.rawPayload.equals(originalBytes.subarray(-10))).toBe(true);
      const beyond = await get(url, { range: `bytes=${originalBytes.length}-` });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${originalBytes.length}`);

      const asMember = await get(
        `/api/media/original/${photo.id}?t=${h.app.mediaUrls.sign(member.sessionId, `original:${photo.id}`)}`,
      );
      expect(asMember.statusCode).toBe(403);
      expect(asMember.json().error.code).toBe('DOWNLOAD_001');
    });

    it('refuses a photo URL signed for another item', async () => {
      const token = new URL(`http://x${videoItem.thumbnail_url}`).searchParams.get('t');
      const response = await get(`/api/media/image/${photo.id}?t=${token}`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('SEC_002');
    });
  });

  describe('HLS', () => {
    it('plays in full through the API with ffmpeg as the client: every segment of every variant decodes', async () => {
      const url = `http://127.0.0.1:${port}${videoItem.stream_url}`;
      const stderr = await playHlsUrl(url, 'verbose');
      // Every segment the playlists on disk list was fetched through the API, in every variant.
      const expected = new Set<string>();
      for (const variant of video.variants) {
        const playlist = await env.openFile(path.join(video.asset_dir!, variant.playlist));
        for (const line of playlist.split('\n')) {
          if (line && !line.startsWith('#')) expected.add(`${variant.name}/${line.trim()}`);
        }
      }
      const fetched = new Set(
        [...stderr.matchAll(/\/api\/media\/segment\/[0-9a-f-]+\/g\d+\/([^/]+)\/([^?'"\s]+)\?t=/g)].map(
          (m) => `${m[1]}/${m[2]}`,
        ),
      );
      expect(expected.size).toBeGreaterThanOrEqual(4);
      expect(fetched).toEqual(expected);
      expect(stderr).not.toMatch(/Error|Invalid data|decryption/i);
      await h.app.auditLog.flush();
      const actions = await h.t.db
        .selectFrom('access_logs')
        .select('action')
        .where('media_id', '=', video.id)
        .execute();
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['media.stream_start', 'media.key']));
    }, 120_000);

    it('rewrites playlists with absolute-path, signed URIs only', async () => {
      const master = await get(videoItem.stream_url!);
      expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
      expect(master.headers['cache-control']).toBe('no-store');
      const variantUris = master.body.split('\n').filter((l) => l && !l.startsWith('#'));
      expect(variantUris).toHaveLength(video.variants.length);
      for (const uri of variantUris) {
        expect(uri).toMatch(new RegExp(`^/api/media/stream/${video.id}/g${video.generation}/[^/]+/index\\.m3u8\\?t=`));
        const variant = await get(uri);
        expect(variant.statusCode).toBe(200);
        for (const line of variant.body.split('\n').filter((l) => l && !l.startsWith('#'))) {
          expect(line).toMatch(/^\/api\/media\/segment\/.+\?t=/);
        }
        expect(variant.body).toMatch(/#EXT-X-KEY:METHOD=AES-128,URI="\/api\/media\/keys\/[0-9a-f-]{36}\?t=[^"]+"/);
      }
    });

    async function keyUrl(): Promise<string> {
      const master = await get(videoItem.stream_url!);
      const variantUri = master.body.split('\n').find((l) => l.startsWith('/api/'))!;
      const variant = await get(variantUri);
      return /URI="([^"]+)"/.exec(variant.body)![1]!;
    }

    it('hands the 16-byte key to a live session only, never cached', async () => {
      const url = await keyUrl();
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/octet-stream');
      expect(response.headers['cache-control']).toBe('no-store');
      const key = await env.keyStore.get(video.hls_key_id!);
      expect(response.rawPayload).toEqual(key!.key);
      expect(response.rawPayload).toHaveLength(16);
    });

    it('refuses the key for an expired token, a token for another item, a tampered token', async () => {
      const keyId = video.hls_key_id!;
      const past = new MediaUrlSigner(h.config.urlSigningSecret, { now: () => Date.now() - 8 * 3600_000 });
      const tokens = {
        expired: past.sign(member.sessionId, `key:${keyId}`),
        otherItem: h.app.mediaUrls.sign(member.sessionId, `stream:${video.id}`),
        otherKey: h.app.mediaUrls.sign(member.sessionId, `key:${video.storage_key_id}`),
        tampered: (() => {
          const good = h.app.mediaUrls.sign(member.sessionId, `key:${keyId}`);
          return `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
        })(),
        none: '',
      };
      for (const [name, token] of Object.entries(tokens)) {
        const response = await get(`/api/media/keys/${keyId}?t=${token}`);
        expect(response.statusCode, name).toBe(403);
        expect(response.json().error.code, name).toBe('SEC_002');
        expect(response.rawPayload.length === 16, name).toBe(false);
      }
      // A storage key id, even with a token made for it, is never handed out.
      const storage = await get(
        `/api/media/keys/${video.storage_key_id}?t=${h.app.mediaUrls.sign(member.sessionId, `key:${video.storage_key_id}`)}`,
      );
      expect(storage.statusCode).toBe(404);
      expect(storage.json().error.code).toBe('MEDIA_001');
    });

    it('stops serving keys, segments and images on the very next request after the session is revoked', async () => {
      const viewer = await signIn(h.app, 'kid', { deviceId: 'tv' });
      const library = await h.app.inject({ method: 'GET', url: '/api/media/library?type=video', headers: viewer.auth });
      const item = library.json().items[0] as Item;
      const master = await get(item.stream_url!);
      const variant = await get(master.body.split('\n').find((l) => l.startsWith('/api/'))!);
      const key = /URI="([^"]+)"/.exec(variant.body)![1]!;
      const segment = variant.body.split('\n').find((l) => l.startsWith('/api/media/segment/'))!;
      expect((await get(key)).statusCode).toBe(200);
      expect((await get(segment)).statusCode).toBe(200);

      const revoke = await h.app.inject({
        method: 'DELETE',
        url: `/api/sessions/${viewer.sessionId}`,
        headers: member.auth,
      });
      expect(revoke.statusCode).toBe(200);
      for (const url of [key, segment, item.thumbnail_url, item.stream_url!]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(401);
        expect(response.json().error.code).toBe('AUTH_007');
      }
    });
  });

  describe('segments', () => {
    it('streams a segment of the generation in the URL', async () => {
      const variant = video.variants[0]!;
      const token = h.app.mediaUrls.sign(member.sessionId, `stream:${video.id}`);
      const response = await get(
        `/api/media/segment/${video.id}/g${video.generation}/${variant.name}/seg_00000.ts?t=${token}`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('video/mp2t');
      expect(response.headers['cache-control']).toBe('private, no-cache');
      const onDisk = await fs.readFile(path.join(env.assetsDir, video.asset_dir!, variant.name, 'seg_00000.ts'));
      expect(response.rawPayload.equals(onDisk)).toBe(true);
    });

    it('never lets a path escape the item folder: "..", encoded, absolute, other items', async () => {
      const token = h.app.mediaUrls.sign(member.sessionId, `stream:${video.id}`);
      const photoToken = h.app.mediaUrls.sign(member.sessionId, `stream:${photo.id}`);
      const variant = video.variants[0]!.name;
      const base = `/api/media/segment/${video.id}/g${video.generation}`;
      const attempts = [
        `${base}/../../../images/${photo.id}/g1/image.webp.sealed?t=${token}`,
        `${base}/${variant}/..%2F..%2F..%2F..%2Fimages%2F${photo.id}%2Fg1%2Fimage.webp.sealed?t=${token}`,
        `${base}/%2e%2e/%2e%2e%2fseg_00000.ts?t=${token}`,
        `${base}/${variant}/%2e%2e%2f%2e%2e%2fmaster.m3u8?t=${token}`,
        `${base}/${variant}/%2Fetc%2Fpasswd?t=${token}`,
        `${base}/${variant}/seg_00000.ts%00.sealed?t=${token}`,
        `${base}/${variant}/index.m3u8?t=${token}`,
        `/api/media/segment/${photo.id}/g1/${variant}/seg_00000.ts?t=${photoToken}`,
        `/api/media/segment/${photo.id}/g${video.generation}/${variant}/seg_00000.ts?t=${token}`,
        `/api/media/segment/..%2F..%2F${video.id}/g1/${variant}/seg_00000.ts?t=${token}`,
        `/api/media/stream/${video.id}/g${video.generation}/..%2F..%2F..%2Fimages/index.m3u8?t=${token}`,
      ];
      const sealedPhoto = await fs.readFile(path.join(env.assetsDir, photo.image_path!));
      for (const url of attempts) {
        const response = await get(url);
        expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, url).toBeLessThan(500);
        expect(response.rawPayload.includes(sealedPhoto.subarray(0, 64)), url).toBe(false);
        expect(response.body, url).not.toContain('root:');
        expect(response.body, url).not.toContain('#EXTM3U');
      }
    });
  });

  describe('the audit log', () => {
    const rowsOf = async (sessionId: string) => {
      await h.app.auditLog.flush();
      return h.t.db.selectFrom('access_logs').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
    };

    it('keeps one view per item and session for full photos and segments, with user agent, time and bytes', async () => {
      // A person of their own: the others' stream slots are taken by the tests above.
      await createTestUser(h.t.db, 'auditor');
      const viewer = await signIn(h.app, 'auditor');
      const headers = { ...viewer.auth, 'user-agent': 'AuditCheck/1.0' };
      for (let i = 0; i < 3; i += 1) {
        expect((await get(`/api/media/image/${photo.id}`, headers)).statusCode).toBe(200);
      }
      expect((await get(`/api/media/stream/${photo.id}`, headers)).statusCode).toBe(200);
      const master = await get(`/api/media/stream/${video.id}`, headers);
      expect(master.statusCode, master.body).toBe(200);
      const variantUrl = master.body.split('\n').find((line) => line.startsWith('/api/'))!;
      const variant = await get(variantUrl, headers);
      const keyUrl = /URI="([^"]+)"/.exec(variant.body)![1]!;
      expect((await get(keyUrl, headers)).statusCode).toBe(200);
      const segments = variant.body.split('\n').filter((line) => line.startsWith('/api/media/segment/'));
      expect(segments.length).toBeGreaterThan(1);
      for (const segment of segments) expect((await get(segment, headers)).statusCode).toBe(200);

      const rows = await rowsOf(viewer.sessionId);
      const views = rows.filter((r) => r.action === 'media.view');
      expect(views.map((v) => [v.media_id, (v.details as { kind: string }).kind]).sort()).toEqual(
        [
          [photo.id, 'image'],
          [video.id, 'segment'],
        ].sort(),
      );
      const photoView = views.find((v) => v.media_id === photo.id)!;
      expect(photoView).toMatchObject({ user_agent: 'AuditCheck/1.0', status: 200 });
      expect(Number(photoView.bytes)).toBeGreaterThan(0);
      expect(photoView.response_ms).toEqual(expect.any(Number));
      const segmentView = views.find((v) => v.media_id === video.id)!;
      expect(Number(segmentView.bytes)).toBeGreaterThan(0);
      const key = rows.find((r) => r.action === 'media.key')!;
      expect(key).toMatchObject({ status: 200, user_agent: 'AuditCheck/1.0' });
      expect(Number(key.bytes)).toBe(16);
      expect(key.response_ms).toEqual(expect.any(Number));
      const start = rows.find((r) => r.action === 'media.stream_start')!;
      expect(Number(start.bytes)).toBeGreaterThan(0);
    });
  });

  describe("with the design document's Authorization: Bearer instead of ?t=", () => {
    const bare = (url: string) => url.replace(/\?t=.*$/, '');

    it('opens the tile, the photo and the key with the access token, after the same session checks', async () => {
      const thumb = await get(bare(photoItem.thumbnail_url), member.auth);
      expect(thumb.statusCode, thumb.body).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const photoBytes = await get(bare(photoItem.image_url!), member.auth);
      expect(photoBytes.statusCode).toBe(200);
      expect(photoBytes.headers['cache-control']).toBe('no-store');
      expect((await get(bare(photoItem.thumbnail_url))).statusCode).toBe(403);
      expect((await get(bare(photoItem.thumbnail_url), { authorization: 'Bearer nonsense' })).statusCode).toBe(401);
    });

    it('keeps a signed token purpose-bound even beside a Bearer header', async () => {
      const tileToken = new URL(`http://x${photoItem.thumbnail_url}`).searchParams.get('t');
      const refused = await get(`${bare(photoItem.image_url!)}?t=${tileToken}`, admin.auth);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('SEC_002');
    });

    it('answers a photo at /api/media/stream/:id with the decrypted WebP', async () => {
      const streamed = await get(`/api/media/stream/${photo.id}`, member.auth);
      expect(streamed.statusCode, streamed.body).toBe(200);
      expect(streamed.headers['content-type']).toBe('image/webp');
      expect(streamed.headers['cache-control']).toBe('no-store');
      const viaImage = await get(photoItem.image_url!);
      expect(streamed.rawPayload.equals(viaImage.rawPayload)).toBe(true);
    });

    it('plays the video in ffmpeg from /api/media/stream/:id with only the Bearer header', async () => {
      const stderr = await playHlsUrl(`http://127.0.0.1:${port}/api/media/stream/${video.id}`, 'verbose', [
        '-headers',
        `Authorization: ${member.auth.authorization}\r\n`,
      ]);
      expect(stderr).toMatch(/\/api\/media\/segment\//);
    });

    it('still refuses the original to a member, and everything once the session has ended', async () => {
      expect((await get(`/api/media/original/${photo.id}`, member.auth)).statusCode).toBe(403);
      const viewer = await signIn(h.app, 'kid');
      expect((await get(bare(photoItem.thumbnail_url), viewer.auth)).statusCode).toBe(200);
      await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: viewer.auth });
      const after = await get(bare(photoItem.thumbnail_url), viewer.auth);
      expect(after.statusCode).toBe(401);
    });
  });
});
