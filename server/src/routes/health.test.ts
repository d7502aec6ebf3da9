import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/testApp.js';

describe('health', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it('answers liveness without signing in', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is not ready without a processor heartbeat, and says which check failed', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(503);
    const { error } = response.json();
    expect(error.code).toBe('SYSTEM_007');
    expect(error.message).toMatch(/processor/);
    expect(error.details.checks).toMatchObject({
      database: { ok: true },
      redis: { ok: true },
      assets: { ok: true },
      processor: { ok: false },
      master_key: { ok: true },
    });
  });

  it('is ready with PostgreSQL, Redis, the assets folder, a live processor and the master key', async () => {
    await h.redis.redis.set('processor:heartbeat:worker-1', JSON.stringify({ host: 'mini', pid: 7 }), 'EX', 30);
    const response = await h.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', checks: { processor: { ok: true } } });
  });
});
