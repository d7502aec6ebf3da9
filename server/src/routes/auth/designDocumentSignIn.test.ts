import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@keepsake/database';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, testPassword } from '../../testing/testUsers.js';

/** Sign-in as the design document writes it: `{username, password, device_name}`, often from curl. */
describe('sign-in with the design document body', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'gran');
  });
  afterAll(() => h.close());

  const signIn = (payload: object, userAgent?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: userAgent ? { 'user-agent': userAgent } : {},
    });

  it('takes username (a username or an e-mail) and stores the device name', async () => {
    for (const username of ['gran', 'gran@example.com']) {
      const response = await signIn({ username, password: testPassword, device_name: 'Chrome on MacBook' });
      expect(response.statusCode, response.body).toBe(200);
      const row = await sessions.findSessionById(h.t.db, response.json<{ session_id: string }>().session_id);
      expect(row?.device_name).toBe('Chrome on MacBook');
    }
  });

  it('refuses a body with both login and username, naming them', async () => {
    const response = await signIn({ login: 'gran', username: 'gran', password: testPassword });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'SYSTEM_003',
      message: expect.stringMatching(/login.*username/),
    });
  });

  it('refuses a body with neither, and a wrong password under username like under login', async () => {
    expect((await signIn({ password: testPassword })).statusCode).toBe(400);
    const wrong = await signIn({ username: 'gran', password: 'not it at all' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_001');
  });

  it('gives a client without device_id the same device each time, so it replaces its own session', async () => {
    const first = await signIn({ username: 'gran', password: testPassword }, 'curl/8.5.0');
    const second = await signIn({ username: 'gran', password: testPassword }, 'curl/8.5.0');
    const [a, b] = await Promise.all(
      [first, second].map((r) => sessions.findSessionById(h.t.db, r.json<{ session_id: string }>().session_id)),
    );
    expect(a?.device_id).toBe(b?.device_id);
    expect(a?.revoked_reason).toBe('signed in again on this device');
    expect(b?.revoked_at).toBeNull();
    expect(b?.device_name).toBe('curl');

    const otherName = await signIn(
      { username: 'gran', password: testPassword, device_name: 'Backup script' },
      'curl/8.5.0',
    );
    const c = await sessions.findSessionById(h.t.db, otherName.json<{ session_id: string }>().session_id);
    expect(c?.device_id).not.toBe(b?.device_id);
  });

  it("ends a sign-in after the design document's 7 days (SESSION_LIFETIME_DAYS), cookie and row alike", async () => {
    const response = await signIn({ username: 'gran', password: testPassword });
    const row = await sessions.findSessionById(h.t.db, response.json<{ session_id: string }>().session_id);
    const week = 7 * 24 * 3600;
    expect(Math.round((row!.expires_at.getTime() - row!.created_at.getTime()) / 1000 / 60)).toBe(week / 60);
    const cookie = response.cookies.find((c) => c.name === 'keepsake_refresh')!;
    expect(cookie.maxAge).toBeGreaterThan(week - 60);
    expect(cookie.maxAge).toBeLessThanOrEqual(week);
  });

  it('never stores an empty device name', async () => {
    for (const [payload, userAgent] of [
      [{ username: 'gran', password: testPassword }, undefined],
      [{ username: 'gran', password: testPassword, device_name: '   ' }, 'python-requests/2.31'],
      [{ username: 'gran', password: testPassword }, '   '],
    ] as const) {
      const response = await signIn(payload, userAgent);
      expect(response.statusCode, response.body).toBe(200);
      const row = await sessions.findSessionById(h.t.db, response.json<{ session_id: string }>().session_id);
      expect(row?.device_name.trim()).not.toBe('');
    }
  });
});
