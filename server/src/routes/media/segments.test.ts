import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn } from '../../testing/testUsers.js';

describe('segments behind nginx (ACCEL_REDIRECT=true)', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({ env: { ACCEL_REDIRECT: 'true' } });
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  it('answers with the internal location for nginx, the segment type and no body', async () => {
    const session = await signIn(h.app, 'mum');
    const id = randomUUID();
    const dir = path.join(h.config.assetsDir, 'videos', id, 'g2', '480p');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'seg_00003.ts'), 'encrypted bytes');
    const token = h.app.mediaUrls.sign(session.sessionId, `item:${id}`);
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
    const id = randomUUID();
    const token = h.app.mediaUrls.sign(session.sessionId, `item:${id}`);
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
    const other = h.app.mediaUrls.sign(session.sessionId, `item:${randomUUID()}`);
    const forged = await h.app.inject({
      method: 'GET',
      url: `/api/media/segment/${id}/g1/480p/seg_00000.ts?t=${other}`,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['x-accel-redirect']).toBeUndefined();
    const token = h.app.mediaUrls.sign(session.sessionId, `item:${id}`);
    await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.auth });
    const ended = await h.app.inject({
      method: 'GET',
      url: `/api/media/segment/${id}/g1/480p/seg_00000.ts?t=${token}`,
    });
    expect(ended.statusCode).toBe(401);
    expect(ended.headers['x-accel-redirect']).toBeUndefined();
  });
});
