import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryRow } from '../../testing/insertMediaRows.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

/** A variant playlist as the processor writes it (ARCHITECTURE.md, asset layout). */
const variantPlaylist = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:10
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-KEY:METHOD=AES-128,URI="/api/media/keys/${randomUUID()}",IV=0x00000000000000000000000000000001
#EXTINF:10.000000,
seg_00000.ts
#EXT-X-ENDLIST
`;

describe('MAX_CONCURRENT_STREAMS on variant playlists and segments', () => {
  let h: TestApp;
  const videoId = randomUUID();
  let playing: SignedIn[];
  let fourth: SignedIn;

  beforeAll(async () => {
    // Behind nginx a segment is only a decision (X-Accel-Redirect), so no real video is needed.
    h = await createTestApp({ env: { ACCEL_REDIRECT: 'true', MAX_CONCURRENT_STREAMS: '3' } });
    await createTestUser(h.t.db, 'kid');
    await h.t.db
      .insertInto('media_files')
      .values(galleryRow(0, { id: videoId, type: 'video', asset_dir: `videos/${videoId}/g1` }))
      .execute();
    const variantDir = path.join(h.config.assetsDir, 'videos', videoId, 'g1', '480p');
    await fs.mkdir(variantDir, { recursive: true });
    await fs.writeFile(path.join(variantDir, 'index.m3u8'), variantPlaylist);
    // The server checks a segment exists before it sends nginx to it.
    await fs.writeFile(path.join(variantDir, 'seg_00000.ts'), 'encrypted bytes');
    playing = [];
    for (const device of ['phone', 'tablet', 'laptop']) playing.push(await signIn(h.app, 'kid', { deviceId: device }));
    fourth = await signIn(h.app, 'kid', { deviceId: 'tv' });
  });
  afterAll(() => h.close());

  const streamUrls = (session: SignedIn) => {
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${videoId}`);
    return {
      variant: `/api/media/stream/${videoId}/g1/480p/index.m3u8?t=${token}`,
      segment: `/api/media/segment/${videoId}/g1/480p/seg_00000.ts?t=${token}`,
    };
  };

  it('refuses a 4th stream its variant playlist and segments with 429 MEDIA_006, and keeps serving the three', async () => {
    // Three devices of one account play the video (heartbeats hold their slots).
    for (const session of playing) {
      const heartbeat = await h.app.inject({
        method: 'PUT',
        url: `/api/media/${videoId}/progress`,
        headers: session.auth,
        payload: { position_seconds: 1 },
      });
      expect(heartbeat.statusCode, heartbeat.body).toBe(204);
    }

    // The fourth skips the master playlist (which would refuse it) with URLs of the same shape.
    for (const url of Object.values(streamUrls(fourth))) {
      const refused = await h.app.inject({ method: 'GET', url });
      expect(refused.statusCode, url).toBe(429);
      expect(refused.json().error.code, url).toBe('MEDIA_006');
      expect(refused.headers['x-accel-redirect'], url).toBeUndefined();
    }

    for (const session of playing) {
      const { variant, segment } = streamUrls(session);
      const playlist = await h.app.inject({ method: 'GET', url: variant });
      expect(playlist.statusCode, playlist.body).toBe(200);
      expect(playlist.body).toContain('#EXT-X-KEY');
      const part = await h.app.inject({ method: 'GET', url: segment });
      expect(part.statusCode).toBe(200);
      expect(part.headers['x-accel-redirect']).toBe(`/_protected/videos/${videoId}/g1/480p/seg_00000.ts`);
    }
  });

  it('counts a stream played from its variant playlist alone: it takes a slot like the master would', async () => {
    const other = await createTestUser(h.t.db, 'gran');
    const sessions = [];
    for (const device of ['a', 'b', 'c', 'd']) sessions.push(await signIn(h.app, other.username, { deviceId: device }));
    for (const session of sessions.slice(0, 3)) {
      expect((await h.app.inject({ method: 'GET', url: streamUrls(session).variant })).statusCode).toBe(200);
    }
    const heartbeat = await h.app.inject({
      method: 'PUT',
      url: `/api/media/${videoId}/progress`,
      headers: sessions[3]!.auth,
      payload: { position_seconds: 1 },
    });
    expect(heartbeat.statusCode).toBe(429);
    expect(heartbeat.json().error.code).toBe('MEDIA_006');
  });
});
