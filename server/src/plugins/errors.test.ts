import { Writable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '@keepsake/platform';
import { createTestApp, type TestApp } from '../testing/testApp.js';

describe('errors', () => {
  let h: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    const logger = pino(loggerOptions({ name: 'errors-test', level: 'info', pretty: false }), sink);
    h = await createTestApp({
      logger,
      extraRoutes: (app) => {
        app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
          throw new Error('secret internals at /srv/keepsake/thing.ts:12');
        });
        app.post(
          '/api/test/echo',
          {
            config: { access: 'public' },
            schema: {
              body: Type.Object(
                { name: Type.String({ maxLength: 10 }), count: Type.Integer({ minimum: 1 }) },
                { additionalProperties: false },
              ),
            },
          },
          async (request) => request.body,
        );
      },
    });
  });
  afterAll(() => h.close());

  function expectErrorShape(body: unknown, code: string) {
    expect(body).toEqual({
      error: { code, message: expect.any(String), details: null, timestamp: expect.any(String) },
    });
    expect(Date.parse((body as { error: { timestamp: string } }).error.timestamp)).not.toBeNaN();
  }

  it('answers unknown API routes with 404 SYSTEM_004 in the error format, without echoing the query', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/nothing/here?t=secret-token' });
    expect(response.statusCode).toBe(404);
    expectErrorShape(response.json(), 'SYSTEM_004');
    expect(response.json().error.message).toBe('No route GET /api/nothing/here');
    expect(response.body).not.toContain('secret-token');
    const post = await h.app.inject({ method: 'POST', url: '/somewhere' });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('SYSTEM_004');
  });

  it('answers an unexpected failure with 500 SYSTEM_001 and no stack trace or internals', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toMatchObject({ code: 'SYSTEM_001', message: 'Something went wrong on the server.' });
    expect(response.body).not.toMatch(/secret internals|thing\.ts|at /);
  });

  it('answers validation failures with 400 SYSTEM_003 naming the field', async () => {
    const cases = [
      [{ name: 'x' }, 'count'],
      [{ name: 'x', count: 'many' }, 'count'],
      [{ name: 'x'.repeat(11), count: 1 }, 'name'],
      [{ name: 'x', count: 1, admin: true }, 'admin'],
    ] as const;
    for (const [payload, field] of cases) {
      const response = await h.app.inject({ method: 'POST', url: '/api/test/echo', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('SYSTEM_003');
      expect(response.json().error.details).toEqual([expect.objectContaining({ in: 'body', field })]);
    }
  });

  it('refuses text with NUL characters before it reaches the database', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: 'a\u0000b', count: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'SYSTEM_003',
      details: [{ in: 'body', field: 'name', message: 'contains a NUL character' }],
    });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'mum\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
  });

  it('answers malformed and oversized bodies with 4xx in the error format', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SYSTEM_003');
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), count: 1 }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('SYSTEM_003');
    const wrongType = await h.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('SYSTEM_003');
  });

  it('logs request paths without query strings, and never the Authorization header', async () => {
    await h.app.inject({
      method: 'GET',
      url: '/api/media/keys/00000000-0000-4000-8000-000000000000?t=very-secret-media-token',
      headers: { authorization: 'Bearer very-secret-access-token' },
    });
    const all = logLines.join('');
    expect(all).toContain('/api/media/keys/00000000-0000-4000-8000-000000000000');
    expect(all).not.toContain('very-secret-media-token');
    expect(all).not.toContain('very-secret-access-token');
  });

  it('sends the helmet security headers', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('DENY');
  });
});
