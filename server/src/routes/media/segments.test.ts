import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryRow } from '../../testing/insertMediaRows.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn } from '../../testing/testUsers.js';

describe('segments behind nginx (ACCEL_REDIRECT=true)', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({ env: { ACCEL_REDIRECT: 'true' } });
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  /** An item row only: behind nginx the server never looks at the files. */
  const insertVideo = (generation: number) =>
    h.t.db.insertInto('media_files').values(galleryRow(0, { generation })).returning('id').executeTakeFirstOrThrow();

  it('answers with the internal location for nginx, the segment type and no body', async () => {
    const session = await signIn(h.app, 'mum');
    const { id } = await insertVideo(2);
    const dir = path.join(h.config.assetsDir, 'videos', id, 'g2', '480p');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'seg_00003.ts'), 'encrypted bytes');
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${id}`);
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/media/segment/${id}/g2/480p/seg_00003.ts?t=${token}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-accel-redirect']).toBe(`/_protected/videos/${id}/g2/480p/seg_00003.ts`);
    expect(response.headers['content-type']).toBe('video/mp2t');
    expect(response.rawPayload.length).toBe(0);
  });

  it('answers a missing segment itself with 404 MEDIA_001, so nginx never logs the tokened request', async () => {
    const session = await signIn(h.app, 'mum');
    const { id } = await insertVideo(1);
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${id}`);
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/media/segment/${id}/g1/480p/seg_00000.ts?t=${token}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'MEDIA_001' } });
    expect(response.headers['x-accel-redirect']).toBeUndefined();
  });

  it('still checks the token and the session first', async () => {
    const session = await signIn(h.app, 'mum');
    const id = randomUUID();
    const other = h.app.mediaUrls.sign(session.sessionId, `stream:${randomUUID()}`);
    const forged = await h.app.inject({
      method: 'GET',
      url: `/api/media/segment/${id}/g1/480p/seg_00000.ts?t=${other}`,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['x-accel-redirect']).toBeUndefined();
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${id}`);
    await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.auth });
    const ended = await h.app.inject({
      method: 'GET',
      url: `/api/media/segment/${id}/g1/480p/seg_00000.ts?t=${token}`,
    });
    expect(ended.statusCode).toBe(401);
    expect(ended.headers['x-accel-redirect']).toBeUndefined();
  });

  it('sends nginx to no generation but the current one and those inside their grace period', async () => {
    const session = await signIn(h.app, 'mum');
    const { id } = await insertVideo(4);
    const hour = 3_600_000;
    await h.t.db
      .insertInto('retired_generations')
      .values([
        // Its grace period is over; cleanup has not run yet, so the files may well still be there.
        { media_id: id, generation: 2, asset_dirs: '[]', retire_after: new Date(Date.now() - hour) },
        { media_id: id, generation: 3, asset_dirs: '[]', retire_after: new Date(Date.now() + hour) },
      ])
      .execute();
    // Every generation's file is on disk: only the database decides what is served.
    for (const generation of [1, 2, 3, 4, 5]) {
      const dir = path.join(h.config.assetsDir, 'videos', id, `g${generation}`, '480p');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'seg_00000.ts'), 'encrypted bytes');
    }
    const token = h.app.mediaUrls.sign(session.sessionId, `stream:${id}`);
    const segment = (generation: number) =>
      h.app.inject({ method: 'GET', url: `/api/media/segment/${id}/g${generation}/480p/seg_00000.ts?t=${token}` });
    for (const generation of [4, 3]) {
      const served = await segment(generation);
      expect(served.statusCode, `g${generation}`).toBe(200);
      expect(served.headers['x-accel-redirect']).toBe(`/_protected/videos/${id}/g${generation}/480p/seg_00000.ts`);
    }
    // g2 is past retire_after, g1 was never recorded, g5 does not exist yet.
    for (const generation of [2, 1, 5]) {
      const refused = await segment(generation);
      expect(refused.statusCode, `g${generation}`).toBe(404);
      expect(refused.json().error.code).toBe('MEDIA_001');
      expect(refused.headers['x-accel-redirect']).toBeUndefined();
    }
  });
});
