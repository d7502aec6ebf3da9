import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { galleryRow } from '../../testing/insertMediaRows.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

type Row = { item: { id: string }; position_seconds: number };

describe('Continue watching', () => {
  let h: TestApp;
  let mum: SignedIn;
  let dad: SignedIn;
  const video = (i: number) => galleryRow(i * 3, { duration: 600 });
  const [first, second, third] = [video(1), video(2), video(3)];

  beforeAll(async () => {
    h = await createTestApp({ env: { MAX_CONCURRENT_STREAMS: '5' } });
    await createTestUser(h.t.db, 'mum');
    await createTestUser(h.t.db, 'dad');
    mum = await signIn(h.app, 'mum');
    dad = await signIn(h.app, 'dad');
    await h.t.db.insertInto('media_files').values([first, second, third]).execute();
  });
  afterAll(() => h.close());

  const heartbeat = async (who: SignedIn, id: string, position: number) => {
    const response = await h.app.inject({
      method: 'PUT',
      url: `/api/media/${id}/progress`,
      headers: who.auth,
      payload: { position_seconds: position },
    });
    expect(response.statusCode, response.body).toBe(204);
  };
  const row = async (who: SignedIn) => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/media/library/continue-watching',
      headers: who.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Row[] }).items.map((r) => [r.item.id, r.position_seconds]);
  };

  it('lists half-watched videos, most recently watched first, each with where to resume; only the watcher’s', async () => {
    await heartbeat(mum, first.id!, 120);
    await heartbeat(mum, second.id!, 2); // barely started: the player would start over
    await heartbeat(mum, third.id!, 300);
    expect(await row(mum)).toEqual([
      [third.id, 300],
      [first.id, 120],
    ]);
    expect(await row(dad)).toEqual([]);
  });

  it('drops a video watched to the end', async () => {
    await heartbeat(mum, first.id!, 598);
    expect(await row(mum)).toEqual([[third.id, 300]]);
  });

  it('drops a dismissed video (audited, resume position kept) until it is watched again', async () => {
    const dismiss = await h.app.inject({
      method: 'DELETE',
      url: `/api/media/${third.id}/continue-watching`,
      headers: mum.auth,
    });
    expect(dismiss.statusCode).toBe(204);
    expect(await row(mum)).toEqual([]);
    const item = await h.app.inject({ method: 'GET', url: `/api/media/${third.id}`, headers: mum.auth });
    expect(item.json().resume_position).toBe(300);
    await h.app.auditLog.flush();
    const audited = await h.t.db
      .selectFrom('access_logs')
      .select(['media_id'])
      .where('action', '=', 'media.continue_dismiss')
      .execute();
    expect(audited).toEqual([{ media_id: third.id }]);

    await heartbeat(mum, third.id!, 310);
    expect(await row(mum)).toEqual([[third.id, 310]]);
  });

  it('dismissing what is not on the row changes nothing; a malformed id is a 400', async () => {
    const none = await h.app.inject({
      method: 'DELETE',
      url: `/api/media/${second.id}/continue-watching`,
      headers: dad.auth,
    });
    expect(none.statusCode).toBe(204);
    const bad = await h.app.inject({ method: 'DELETE', url: '/api/media/nope/continue-watching', headers: dad.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SYSTEM_003');
  });
});
