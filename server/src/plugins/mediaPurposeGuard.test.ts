import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/testApp.js';

describe('media-item routes and their token purpose', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it('refuses to start with a media-item route that does not say which purpose its token needs', async () => {
    // Without a purpose the route would have to accept any of the item's tokens, a tile's included.
    await expect(
      createTestApp({
        database: h.t,
        keyStore: h.app.keyStore,
        extraRoutes: (app) => {
          app.get('/api/media/forgotten/:id', { config: { access: 'media-item' } }, async () => 'open');
        },
      }),
    ).rejects.toThrow(/without a mediaPurpose/);
  });
});
