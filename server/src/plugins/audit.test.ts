import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/testApp.js';
import { createTestUser, signIn } from '../testing/testUsers.js';

describe('audit log on shutdown', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  it('writes what was still buffered when the app closes gracefully', async () => {
    const session = await signIn(h.app, 'mum');
    await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.auth });
    // Closed at once, well before the 500 ms batch would have been written.
    await h.app.close();
    const actions = await h.t.db
      .selectFrom('access_logs')
      .select('action')
      .where('session_id', '=', session.sessionId)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['auth.login', 'auth.logout']);
  });
});
