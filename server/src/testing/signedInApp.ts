import { createTestApp, type TestApp, type TestAppOptions } from './testApp.js';
import { createTestUser, signIn, type SignedIn } from './testUsers.js';

/** A real app with one member signed in (`mum` unless named): how most route tests begin. */
export async function createSignedInApp(
  username = 'mum',
  options: TestAppOptions = {},
): Promise<{ h: TestApp; member: SignedIn }> {
  const h = await createTestApp(options);
  await createTestUser(h.t.db, username);
  return { h, member: await signIn(h.app, username) };
}
