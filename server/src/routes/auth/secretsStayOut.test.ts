import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '@keepsake/platform';
import { announceFirstRun } from '../../setup/announceFirstRun.js';
import { setupCode } from '../../setup/setupCode.js';
import { insertGalleryRows } from '../../testing/insertMediaRows.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

/**
 * A whole session against the real app with the production logger (its redaction included) at
 * its most talkative, then a look through everything it wrote: log lines and audit rows.
 */
describe('secrets stay out of the logs and the audit table', () => {
  let h: TestApp;
  const lines: string[] = [];
  const logger = pino(
    loggerOptions({ name: 'keepsake-server', level: 'trace', pretty: false }),
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
  );

  beforeAll(async () => {
    h = await createTestApp({ logger });
  });
  afterAll(() => h.close());

  const password = 'Garden#Swing42';
  const wrongPassword = 'Attic#Window19';
  const refreshCookie = (response: { cookies: { name: string; value: string }[] }) =>
    response.cookies.find((c) => c.name === 'keepsake_refresh')!.value;

  it('holds no password, typed login of nobody, token, cookie or setup code beyond the one startup line', async () => {
    const code = setupCode(h.config.urlSigningSecret);
    await announceFirstRun(h.app);
    const announcement = lines.filter((line) => line.includes(code));
    expect(announcement).toHaveLength(1);

    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'POST', url, remoteAddress: '192.168.1.30', payload, headers });
    const wrongCode = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
    const admin = { username: 'anna', email: 'anna@example.com', full_name: 'Anna Berg', password };
    expect((await post('/api/setup', { ...admin, setup_code: wrongCode })).statusCode).toBe(401);
    expect((await post('/api/setup', { ...admin, setup_code: code })).statusCode).toBe(201);

    // The password typed into the login field: an unknown login that must not be kept.
    expect((await post('/api/auth/login', { login: password, password: wrongPassword })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { login: 'anna', password: wrongPassword })).statusCode).toBe(401);
    const signedIn = await post('/api/auth/login', { login: 'anna', password });
    expect(signedIn.statusCode).toBe(200);
    const firstRefresh = refreshCookie(signedIn);
    const refreshed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { keepsake_refresh: firstRefresh },
    });
    expect(refreshed.statusCode).toBe(200);
    const accessToken: string = refreshed.json().access_token;
    const authorization = `Bearer ${accessToken}`;

    // A photo whose files are missing: the media route logs an error, which must not carry the URL token.
    await insertGalleryRows(h.t.db, 1, 1);
    const library = await h.app.inject({ url: '/api/media/library', headers: { authorization } });
    const thumbnailUrl: string = library.json().items[0].thumbnail_url;
    const mediaToken = new URL(thumbnailUrl, 'http://x').searchParams.get('t')!;
    expect((await h.app.inject({ url: thumbnailUrl })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await h.app.inject({ url: `${thumbnailUrl}x` })).statusCode).toBe(403);
    // The used refresh token again (reuse: the session ends), then a sign-out with the dead token.
    await h.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { keepsake_refresh: firstRefresh } });
    await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } });

    await h.app.auditLog.flush();
    const audit = JSON.stringify(await h.t.db.selectFrom('access_logs').selectAll().execute());
    const secrets = {
      password,
      wrongPassword,
      firstAccessToken: signedIn.json().access_token as string,
      accessToken,
      firstRefresh,
      secondRefresh: refreshCookie(refreshed),
      mediaToken,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(lines.filter((line) => line.includes(secret)).map(() => name)).toEqual([]);
      expect(audit.includes(secret) ? name : null).toBeNull();
    }
    expect(lines.filter((line) => line.includes(code))).toEqual(announcement);
    expect(audit).not.toContain(code);
    // The session did happen, and was logged: the test looked at real output.
    expect(lines.some((line) => line.includes('/api/auth/refresh'))).toBe(true);
    expect(audit).toContain('auth.login_failed');
  });
});
