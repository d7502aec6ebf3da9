import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@keepsake/database';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRedis, type Redis } from '@keepsake/platform';
import { freePort as closedPort } from '@keepsake/testkit';
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
 * revoke whose Redis write never happened still ends the session — and is answered as done,
 * since it is. Redis here is real: a second client pointed at a port nobody listens on (every
 * command on it fails, as with Redis down), and for the admin's route a Redis ACL user that
 * may do everything but delete.
 */
describe('revocation when Redis misbehaves', () => {
  let h: TestApp;
  let brokenRedis: Redis;
  let broken: LiveSessions;
  const warnings: string[] = [];
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
    brokenRedis = createRedis({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, prefix: h.redis.prefix });
    brokenRedis.on('error', () => {}); // refused connections are the point
    broken = new LiveSessions(brokenRedis, h.app.liveSessions.idleMs, (_details, message) => warnings.push(message));
  });
  afterAll(async () => {
    brokenRedis.disconnect();
    await h.close();
  });

  function mediaUrl(session: SignedIn): string {
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${videoId}`);
    return `/api/media/segment/${videoId}/g1/480p/seg_00000.ts?t=${token}`;
  }
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });
  /** What the admin page does to disable an account. */
  const disableAccount = (app: TestApp['app'], admin: SignedIn, userId: string) =>
    app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${userId}`,
      headers: admin.auth,
      payload: { is_active: false },
    });

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
    warnings.length = 0;
    // Done as far as anyone is told: one session ended, and the failure is in the log.
    expect(await revokeUserSessions(h.t.db, broken, kid.id, 'signed out everywhere')).toBe(1);
    expect(warnings).toEqual([expect.stringContaining('could not be removed')]);
    // The live entry really survived: only the database knows.
    expect(await h.app.liveSessions.isLive(session.sessionId)).toBe(true);

    await expectRefused(session, url, 'AUTH_007');
  });

  it('stops one ended session (sign-out, revoke from the devices page) whose Redis delete failed', async () => {
    const session = await signIn(h.app, 'kid', { deviceId: 'tablet' });
    const other = await signIn(h.app, 'kid', { deviceId: 'phone' });
    const url = mediaUrl(session);
    expect(await endSessions({ db: h.t.db, live: broken }, [session.sessionId], 'signed out')).toEqual([
      session.sessionId,
    ]);
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
    const disabled = await setUserActive(
      { db: h.t.db, revokeSessions: (userId, reason) => revokeUserSessions(h.t.db, broken, userId, reason).then() },
      'kid',
      false,
    );
    expect(disabled.is_active).toBe(false);
    await expectRefused(session, url, 'AUTH_008');
    await users.updateUser(h.t.db, kid.id, { is_active: true });
  });

  it('stops the media URLs at once when an admin disables the account', async () => {
    const mum = await signIn(h.app, 'mum');
    const kid = (await users.findUserByLogin(h.t.db, 'kid'))!;
    const session = await signIn(h.app, 'kid', { deviceId: 'desk' });
    const url = mediaUrl(session);
    expect((await get(url)).statusCode).toBe(200);
    const disable = await disableAccount(h.app, mum, kid.id);
    expect(disable.statusCode, disable.body).toBe(200);
    const response = await get(url);
    expect(response.statusCode).toBe(401);
    expect(['AUTH_007', 'AUTH_008']).toContain(response.json().error.code);
  });
  it("answers an admin's disable as done, audited, when Redis refuses the delete after the database write", async () => {
    // A Redis user that may do all the app does but delete: the sign-ins work, the revoke's DEL fails.
    const name = `keepsake-test-${randomUUID()}`;
    const password = randomBytes(16).toString('hex');
    const root = createRedis({ redisUrl: testRedisUrl, prefix: '' });
    await root.acl('SETUSER', name, 'on', `>${password}`, '~*', '&*', '+@all', '-del', '-unlink');
    const url = new URL(testRedisUrl);
    url.username = name;
    url.password = password;
    let noDelete: TestApp | undefined;
    try {
      noDelete = await createTestApp({ database: h.t, keyStore: h.app.keyStore, redisUrl: url.href });
      const kid = (await users.findUserByLogin(h.t.db, 'kid'))!;
      await users.updateUser(h.t.db, kid.id, { is_active: true }); // the test before disabled it
      const mum = await signIn(noDelete.app, 'mum');
      const session = await signIn(noDelete.app, 'kid', { deviceId: 'attic' });
      await expect(noDelete.redis.redis.del('anything')).rejects.toThrow(/NOPERM/);

      const disable = await disableAccount(noDelete.app, mum, kid.id);
      expect(disable.statusCode, disable.body).toBe(200);
      expect(disable.json().user).toMatchObject({ id: kid.id, is_active: false });
      // The entry is still in Redis; the next request is refused all the same.
      expect(await noDelete.app.liveSessions.isLive(session.sessionId)).toBe(true);
      const me = await noDelete.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.auth });
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('AUTH_008');
      const revoked = await h.t.db
        .selectFrom('sessions')
        .select('revoked_reason')
        .where('id', '=', session.sessionId)
        .executeTakeFirstOrThrow();
      expect(revoked.revoked_reason).toBe('account disabled');
      await noDelete.app.auditLog.flush();
      const audit = await h.t.db
        .selectFrom('access_logs')
        .select('details')
        .where('action', '=', 'admin.user_update')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ target: kid.id, is_active: false });
    } finally {
      await noDelete?.close().catch(() => {});
      await root.acl('DELUSER', name);
      root.disconnect();
      await users.updateUser(h.t.db, (await users.findUserByLogin(h.t.db, 'kid'))!.id, { is_active: true });
    }
  });
});
