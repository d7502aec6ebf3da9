import { createTestApp, type TestApp } from './testApp.js';
import { createTestUser, signIn, type SignedIn } from './testUsers.js';

/** A test app with one administrator, `mum`, signed in: for tests that walk the whole API. */
export async function appWithAdmin(): Promise<{ h: TestApp; admin: SignedIn }> {
  const h = await createTestApp();
  await createTestUser(h.t.db, 'mum', 'admin');
  return { h, admin: await signIn(h.app, 'mum') };
}
