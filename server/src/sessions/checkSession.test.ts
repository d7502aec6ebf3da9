import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@keepsake/database';
import { createRedis, type Redis } from '@keepsake/platform';
import { galleryRow } from '../testing/insertMediaRows.js';
import { createTestApp, type TestApp } from '../testing/testApp.js';
import { testRedisUrl } from '../testing/testRedis.js';
import { createTestUser, signIn, type SignedIn } from '../testing/testUsers.js';
import { setUserActive } from '../users/userService.js';
import { LiveSessions } from './LiveSessions.js';
import { revokeUserSessions } from './revokeUserSessions.js';
import { endSessions } from './sessionService.js';

/**
 * Revocation fails closed: the database is written first and asked on every request, so a
 * revoke whose Redis write never happened still ends the session. Redis here is real: a
 * second connection to the app's own prefix, closed, so every command on it is refused.
 */
describe('revocation when Redis misbehaves', () => {
  let h: TestApp;
  let brokenRedis: Redis;
  let videoId: string;

  beforeAll(async () => {
    // Behind nginx a segment is only a decision (X-Accel-Redirect): a media URL that answers 200
    // once the item is in the gallery and the segment's file exists.
    h = await createTestApp({ env: { ACCEL_REDIRECT: 'true', MAX_CONCURRENT_STREAMS: '100' } });
    const video = galleryRow(0, { type: 'video' });
    videoId = video.id!;
    await h.t.db.insertInto('media_files').values(video).execute();
    const variantDir = path.join(h.config.assetsDir, 'videos', videoId, 'g1', '480p');
    await fs.mkdir(variantDir, { recursive: true });
    await fs.writeFile(path.join(variantDir, 'seg_00000.ts'), 'encrypted bytes');
    await createTestUser(h.t.db, 'kid');
    await createTestUser(h.t.db, 'mum', 'admin');
    brokenRedis = createRedis({ redisUrl: testRedisUrl, prefix: h.redis.prefix });
    await brokenRedis.ping();
    await brokenRedis.quit();
  });
  afterAll(() => h.close());

  function mediaUrl(session: SignedIn): string {
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${videoId}`);
    return `/api/media/segment/${videoId}/g1/480p/seg_00000.ts?t=${token}`;
  }
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

  async function expectRefused(session: SignedIn, url: string, code: string): Promise<void> {
    for (const response of [await get(url), await get('/api/auth/me', session.auth)]) {
      expect(response.statusCode, response.body).toBe(401);
      expect(response.json().error.code).toBe(code);
      expect(response.headers['x-accel-redirect']).toBeUndefined();
    }
  }

  it("stops a revoked user's media URLs and access token although the revoke's Redis delete failed", async () => {
    const session = await signIn(h.app, 'kid');
    const url = mediaUrl(session);
    expect((await get(url)).statusCode).toBe(200);

    const kid = (await users.findUserByLogin(h.t.db, 'kid'))!;
    await expect(revokeUserSessions(h.t.db, brokenRedis, kid.id, 'signed out everywhere')).rejects.toThrow();
    // The live entry really survived: only the database knows.
    expect(await h.app.liveSessions.isLive(session.sessionId)).toBe(true);

    await expectRefused(session, url, 'AUTH_007');
  });

  it('stops one ended session (sign-out, revoke from the devices page) whose Redis delete failed', async () => {
    const session = await signIn(h.app, 'kid', { deviceId: 'tablet' });
    const other = await signIn(h.app, 'kid', { deviceId: 'phone' });
    const url = mediaUrl(session);
    const live = new LiveSessions(brokenRedis, h.app.liveSessions.idleMs);
    await expect(endSessions({ db: h.t.db, live }, [session.sessionId], 'signed out')).rejects.toThrow();
    expect(await h.app.liveSessions.isLive(session.sessionId)).toBe(true);

    await expectRefused(session, url, 'AUTH_007');
    expect((await get(mediaUrl(other))).statusCode).toBe(200);
  });

  it("stops a disabled user's media URLs on the next request, even when no session was revoked", async () => {
    const session = await signIn(h.app, 'kid', { deviceId: 'laptop' });
    const url = mediaUrl(session);
    expect((await get(url)).statusCode).toBe(200);
    const kid = (await users.findUserByLogin(h.t.db, 'kid'))!;
    // Disabled with its sessions' revocation failing in Redis (the CLI or the admin page, Redis down).
    await expect(
      setUserActive(
        {
          db: h.t.db,
          revokeSessions: (userId, reason) => revokeUserSessions(h.t.db, brokenRedis, userId, reason).then(),
        },
        'kid',
        false,
      ),
    ).rejects.toThrow();
    await expectRefused(session, url, 'AUTH_008');
    await users.updateUser(h.t.db, kid.id, { is_active: true });
  });

  it('stops the media URLs at once when an admin disables the account', async () => {
    const mum = await signIn(h.app, 'mum');
    const kid = (await users.findUserByLogin(h.t.db, 'kid'))!;
    const session = await signIn(h.app, 'kid', { deviceId: 'desk' });
    const url = mediaUrl(session);
    expect((await get(url)).statusCode).toBe(200);
    const disable = await h.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${kid.id}`,
      headers: mum.auth,
      payload: { is_active: false },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    const response = await get(url);
    expect(response.statusCode).toBe(401);
    expect(['AUTH_007', 'AUTH_008']).toContain(response.json().error.code);
  });
});
