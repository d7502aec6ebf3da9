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
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache"');
  });
});
