import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn } from '../../testing/testUsers.js';

describe('POST /api/auth/logout', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  const me = (authorization: string) =>
    h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });

  it.each([
    ['this device', undefined],
    ['every device', { logout_all_devices: true }],
  ])('tells the browser to drop its cache (Clear-Site-Data: "cache") when signing out %s', async (_, payload) => {
    const session = await signIn(h.app, 'mum');
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.auth,
      ...(payload ? { payload } : {}),
    });
    expect(out.statusCode).toBe(200);
    expect(out.headers['clear-site-data']).toBe('"cache"');
  });

  it("takes the design document's body: refresh_token of this session, logout_all_devices false", async () => {
    const session = await signIn(h.app, 'mum');
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.auth,
      payload: { refresh_token: session.refreshToken, logout_all_devices: false },
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toEqual({ message: 'Logged out successfully', devices_affected: 1 });
    expect((await me(session.auth.authorization)).statusCode).toBe(401);
  });

  it("refuses another session's refresh token, ending nothing", async () => {
    const mine = await signIn(h.app, 'mum');
    const other = await signIn(h.app, 'mum');
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: mine.auth,
      payload: { refresh_token: other.refreshToken },
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.code).toBe('SYSTEM_003');
    expect((await me(mine.auth.authorization)).statusCode).toBe(200);
    expect((await me(other.auth.authorization)).statusCode).toBe(200);
  });

  it('reads an empty JSON body as {}, and a trailing slash as none', async () => {
    const session = await signIn(h.app, 'mum');
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout/',
      headers: { ...session.auth, 'content-type': 'application/json' },
      payload: '',
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().devices_affected).toBe(1);
  });

  it('still refuses broken JSON and prototype poisoning with 400', async () => {
    const session = await signIn(h.app, 'mum');
    for (const payload of ['{', '{"__proto__": {"x": 1}}']) {
      const out = await h.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { ...session.auth, 'content-type': 'application/json' },
        payload,
      });
      expect(out.statusCode, payload).toBe(400);
      expect(out.json().error.code).toBe('SYSTEM_003');
    }
  });
});

describe("GET and DELETE /api/sessions in the design document's words", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'dad');
  });
  afterAll(() => h.close());

  it('lists ip_address, last_activity and is_current, and answers a DELETE with a message', async () => {
    const a = await signIn(h.app, 'dad');
    const b = await signIn(h.app, 'dad');
    const list = await h.app.inject({ method: 'GET', url: '/api/sessions/', headers: a.auth });
    expect(list.statusCode).toBe(200);
    const rows = list.json().sessions as Record<string, unknown>[];
    const current = rows.find((s) => s.id === a.sessionId)!;
    expect(current).toMatchObject({ ip_address: '127.0.0.1', is_current: true, current: true });
    expect(current.last_activity).toBe(current.last_activity_at);
    expect(rows.find((s) => s.id === b.sessionId)).toMatchObject({ is_current: false });

    const ended = await h.app.inject({ method: 'DELETE', url: `/api/sessions/${b.sessionId}/`, headers: a.auth });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ message: 'Session terminated successfully' });
  });
});
