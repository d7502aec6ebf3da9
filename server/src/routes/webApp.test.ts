import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/testApp.js';

describe('the built gallery', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it('says how to build it while WEB_DIST_DIR is missing, instead of failing', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('npm run build');
  });

  it('serves files, falls back to index.html for app routes, and keeps /api/ out of it', async () => {
    const dist = h.config.webDistDir;
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Keepsake gallery</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');

    const index = await h.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('Keepsake gallery');
    const deep = await h.app.inject({ method: 'GET', url: '/photos/2024?view=grid' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Keepsake gallery');
    const asset = await h.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');

    const api = await h.app.inject({ method: 'GET', url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('SYSTEM_004');
    const outside = await h.app.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd' });
    expect(outside.body).not.toContain('root:');
  });
});
