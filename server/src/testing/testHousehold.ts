import { createTestApp, type TestApp } from './testApp.js';
import { insertGalleryRows } from './insertMediaRows.js';
import { createTestUser, signIn, type SignedIn } from './testUsers.js';

export interface TestHousehold {
  h: TestApp;
  /** Two members, each signed in on a device of their own. */
  mum: SignedIn;
  kid: SignedIn;
  /** The gallery's ids in its default order: newest taken first, then by id (as the library pages them). */
  ids: string[];
}

/** A real app with two signed-in members and `items` completed gallery rows: the set-up of tests about browsing. */
export async function createTestHousehold(items: number): Promise<TestHousehold> {
  const h = await createTestApp();
  await createTestUser(h.t.db, 'mum');
  await createTestUser(h.t.db, 'kid');
  const [mum, kid] = [await signIn(h.app, 'mum'), await signIn(h.app, 'kid')];
  await insertGalleryRows(h.t.db, items);
  const rows = await h.t.db
    .selectFrom('media_files')
    .select('id')
    .orderBy('sort_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { h, mum, kid, ids: rows.map((row) => row.id) };
}
