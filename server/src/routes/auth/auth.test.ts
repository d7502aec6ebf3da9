import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '@keepsake/database';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, testPassword } from '../../testing/testUsers.js';
import { setUserActive } from '../../users/userService.js';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT made by hand, to present what @fastify/jwt would never issue. */
function craftJwt(header: object, payload: object, secret?: string): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

describe('sign-in, refresh, sign-out', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum', 'admin');
    await createTestUser(h.t.db, 'dad');
  });
  afterAll(() => h.close());

  const me = (authorization: string) =>
    h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
  const refresh = (token: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { keepsake_refresh: token } });

  it('signs in with username or email and sets the refresh cookie the spec asks for', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'MUM@example.com', password: testPassword, device_id: 'laptop-1', device_name: 'Laptop' },
      headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/120.0 Safari/537.36' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      user: { username: 'mum', email: 'mum@example.com', full_name: 'mum', role: 'admin' },
    });
    const cookie = response.cookies.find((c) => c.name === 'keepsake_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });

    const who = await me(`Bearer ${body.access_token}`);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual({ user: body.user, session_id: body.session_id });
    const row = await sessions.findSessionById(h.t.db, body.session_id);
    expect(row).toMatchObject({
      device_id: 'laptop-1',
      device_name: 'Laptop',
      device_type: 'desktop',
      ip: '127.0.0.1',
    });
    expect(row!.refresh_token_hash).not.toContain(cookie.value);

    await h.app.auditLog.flush();
    const logins = await h.t.db.selectFrom('access_logs').selectAll().where('action', '=', 'auth.login').execute();
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ session_id: body.session_id, client_ip: '127.0.0.1' });
  });

  it('answers a wrong password and an unknown user alike, and logs the failure', async () => {
    for (const [login, password] of [
      ['dad', 'Wrong#Password1'],
      ['nobody', testPassword],
    ]) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.168.1.20',
        payload: { login, password },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatchObject({ code: 'AUTH_001', message: 'Wrong username or password.' });
    }
    await h.app.auditLog.flush();
    // The typed login is not kept (it is sometimes a password); a known user is named by id.
    const dad = await users.findUserByLogin(h.t.db, 'dad');
    const rows = await h.t.db
      .selectFrom('access_logs')
      .select(['user_id', 'details'])
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(rows).toContainEqual({ user_id: dad!.id, details: { reason: 'wrong password' } });
    const unknown = rows.find((row) => row.user_id === null)!;
    expect(unknown.details).toEqual({
      reason: 'unknown login',
      login_fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(rows)).not.toContain('nobody');
  });

  it('rotates the refresh token on every use; reusing an old one revokes the session', async () => {
    const first = await signIn(h.app, 'dad', { deviceId: 'phone' });
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.cookies.find((c) => c.name === 'keepsake_refresh')!.value;
    expect(rotated).not.toBe(first.refreshToken);
    expect(second.json().session_id).toBe(first.sessionId);
    expect((await me(`Bearer ${second.json().access_token}`)).statusCode).toBe(200);

    const third = await refresh(rotated);
    expect(third.statusCode).toBe(200);
    const latest = third.cookies.find((c) => c.name === 'keepsake_refresh')!.value;

    const reuse = await refresh(first.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('AUTH_007');
    // The whole session is gone: the newest refresh token and the access token too.
    expect((await refresh(latest)).json().error.code).toBe('AUTH_007');
    const ended = (await me(first.auth.authorization)).json().error;
    expect(ended).toMatchObject({
      code: 'AUTH_007',
      details: { reason: 'revoked', revoked_reason: 'refresh token reused' },
    });
    const row = await sessions.findSessionById(h.t.db, first.sessionId);
    expect(row?.revoked_reason).toBe('refresh token reused');
  });

  it('refuses a missing, malformed or made-up refresh token without touching any session', async () => {
    const live = await signIn(h.app, 'dad', { deviceId: 'tablet' });
    const noCookie = await h.app.inject({ method: 'POST', url: '/api/auth/refresh' });
    expect(noCookie.json().error.code).toBe('AUTH_003');
    for (const token of ['junk', `${live.sessionId}.${'A'.repeat(43)}`]) {
      const response = await refresh(token);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('AUTH_003');
    }
    expect((await me(live.auth.authorization)).statusCode).toBe(200);
  });

  it('signs out this device at once, or every device', async () => {
    const laptop = await signIn(h.app, 'dad', { deviceId: 'laptop' });
    const phone = await signIn(h.app, 'dad', { deviceId: 'phone-2' });
    const tv = await signIn(h.app, 'dad', { deviceId: 'tv' });

    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: laptop.auth });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ message: 'Logged out successfully', devices_affected: 1 });
    expect((await me(laptop.auth.authorization)).json().error.code).toBe('AUTH_007');
    expect((await refresh(laptop.refreshToken)).json().error.code).toBe('AUTH_007');
    expect((await me(phone.auth.authorization)).statusCode).toBe(200);

    const all = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: phone.auth,
      payload: { logout_all_devices: true },
    });
    expect(all.statusCode).toBe(200);
    expect(all.json().devices_affected).toBeGreaterThanOrEqual(2);
    for (const device of [phone, tv]) {
      expect((await me(device.auth.authorization)).json().error.code).toBe('AUTH_007');
    }
  });

  it('lists the devices, marks the current one, and signs out another', async () => {
    await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: (await signIn(h.app, 'dad')).auth,
      payload: { logout_all_devices: true },
    });
    const a = await signIn(h.app, 'dad', { deviceId: 'a' });
    const b = await signIn(h.app, 'dad', { deviceId: 'b' });
    const list = await h.app.inject({ method: 'GET', url: '/api/sessions', headers: a.auth });
    expect(list.statusCode).toBe(200);
    const rows = list.json().sessions as { id: string; current: boolean }[];
    expect(rows.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [a.sessionId, true],
        [b.sessionId, false],
      ].sort(),
    );

    const other = await h.app.inject({ method: 'DELETE', url: `/api/sessions/${b.sessionId}`, headers: a.auth });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual({ message: 'Session terminated successfully' });
    expect((await me(b.auth.authorization)).json().error.code).toBe('AUTH_007');

    const mums = await signIn(h.app, 'mum');
    const foreign = await h.app.inject({ method: 'DELETE', url: `/api/sessions/${mums.sessionId}`, headers: a.auth });
    expect(foreign.statusCode).toBe(404);
    expect((await me(mums.auth.authorization)).statusCode).toBe(200);
  });

  it('signing in again on the same device replaces its session', async () => {
    const before = await signIn(h.app, 'mum', { deviceId: 'desk' });
    const after = await signIn(h.app, 'mum', { deviceId: 'desk' });
    expect(after.sessionId).not.toBe(before.sessionId);
    expect((await me(before.auth.authorization)).json().error.code).toBe('AUTH_007');
    expect((await me(after.auth.authorization)).statusCode).toBe(200);
  });

  it('evicts the least recently active session at the sixth device, and says so in the audit log', async () => {
    const kid = await createTestUser(h.t.db, 'kid');
    const devices = [];
    for (let i = 1; i <= 5; i += 1) devices.push(await signIn(h.app, 'kid', { deviceId: `device-${i}` }));
    for (const device of devices) expect((await me(device.auth.authorization)).statusCode).toBe(200);

    const sixth = await signIn(h.app, 'kid', { deviceId: 'device-6' });
    expect((await me(devices[0]!.auth.authorization)).json().error.code).toBe('AUTH_007');
    for (const device of [...devices.slice(1), sixth]) {
      expect((await me(device.auth.authorization)).statusCode).toBe(200);
    }
    await h.app.auditLog.flush();
    const evictions = await h.t.db
      .selectFrom('access_logs')
      .selectAll()
      .where('action', '=', 'session.evicted')
      .where('user_id', '=', kid.id)
      .execute();
    expect(evictions).toHaveLength(1);
    expect(evictions[0]).toMatchObject({ session_id: devices[0]!.sessionId });
    expect(evictions[0]!.details).toMatchObject({ reason: 'device limit reached', replaced_by: sixth.sessionId });
  });

  describe('access tokens', () => {
    it('refuses alg none, a wrong signature, an expired token and another algorithm with AUTH_003 (expired: AUTH_002)', async () => {
      const session = await signIn(h.app, 'mum');
      const real = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
      const now = Math.floor(Date.now() / 1000);
      const tokens = {
        none: craftJwt({ alg: 'none', typ: 'JWT' }, real),
        wrongSignature: craftJwt({ alg: 'HS256', typ: 'JWT' }, real, 'not-the-secret-'.repeat(3)),
        expired: craftJwt(
          { alg: 'HS256', typ: 'JWT' },
          { ...real, iat: now - 3600, exp: now - 60 },
          h.config.jwtSecret,
        ),
        hs512: craftJwt({ alg: 'HS512', typ: 'JWT' }, real, h.config.jwtSecret),
        unknownClaims: craftJwt({ alg: 'HS256', typ: 'JWT' }, { foo: 1, exp: now + 60 }, h.config.jwtSecret),
        garbage: 'abc.def.ghi',
      };
      for (const [name, token] of Object.entries(tokens)) {
        const response = await me(`Bearer ${token}`);
        expect(response.statusCode, name).toBe(401);
        expect(response.json().error.code, name).toBe(name === 'expired' ? 'AUTH_002' : 'AUTH_003');
      }
      expect((await me(`Bearer ${tokens.expired}`)).json().error.message).toMatch(/expired/);
      expect((await me('')).json().error.code).toBe('AUTH_003');
    });

    it('refuses the token of a disabled user (AUTH_008) and of a deleted user (AUTH_003)', async () => {
      const gran = await createTestUser(h.t.db, 'gran');
      const grandad = await createTestUser(h.t.db, 'grandad');
      const granSession = await signIn(h.app, 'gran');
      const grandadSession = await signIn(h.app, 'grandad');

      // Disabled the way the CLI does, minus the session revocation, to see the account check itself.
      await users.updateUser(h.t.db, gran.id, { is_active: false });
      const disabled = await me(granSession.auth.authorization);
      expect(disabled.statusCode).toBe(401);
      expect(disabled.json().error.code).toBe('AUTH_008');
      await setUserActive({ db: h.t.db }, 'gran', true);

      await h.t.db.deleteFrom('users').where('id', '=', grandad.id).execute();
      const deleted = await me(grandadSession.auth.authorization);
      expect(deleted.statusCode).toBe(401);
      expect(deleted.json().error.code).toBe('AUTH_003');

      const login = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'gran', password: testPassword },
      });
      expect(login.statusCode).toBe(200);
      await users.updateUser(h.t.db, gran.id, { is_active: false });
      const refused = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'gran', password: testPassword },
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('AUTH_008');
    });
  });

  it('after Redis comes back empty, people sign in again: 401, never 500', async () => {
    const session = await signIn(h.app, 'mum');
    await h.redis.flush();
    const response = await me(session.auth.authorization);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('AUTH_004');
    expect((await refresh(session.refreshToken)).json().error.code).toBe('AUTH_004');
    expect((await me((await signIn(h.app, 'mum')).auth.authorization)).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    for (const name of ['alice', 'bob', 'carol', 'dora', 'erin', 'fred']) await createTestUser(h.t.db, name);
  });
  afterAll(() => h.close());

  const attempt = (login: string, password: string, remoteAddress: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { login, password } });
  const statuses = async (requests: Promise<{ statusCode: number }>[]) =>
    (await Promise.all(requests)).map((response) => response.statusCode);
  const count = (codes: number[], code: number) => codes.filter((c) => c === code).length;

  it('counts before it checks: 40 wrong passwords at once give 5 401s, the rest 429 AUTH_005', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => attempt('alice', 'Wrong#Password1', '192.168.1.66')),
    );
    const codes = responses.map((response) => response.statusCode);
    expect(count(codes, 401)).toBe(5);
    expect(count(codes, 429)).toBe(35);
    const refused = responses.find((response) => response.statusCode === 429)!;
    expect(refused.json().error.code).toBe('AUTH_005');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The right password from that address waits too: the limit is on guesses, not on failures.
    expect((await attempt('alice', testPassword, '192.168.1.66')).statusCode).toBe(429);
    // Username and email are one account.
    expect((await attempt('alice@example.com', testPassword, '192.168.1.66')).statusCode).toBe(429);
  });

  it('a stranger at another address cannot lock a member out', async () => {
    const codes = await statuses(Array.from({ length: 40 }, () => attempt('bob', 'Wrong#Password1', '192.168.1.67')));
    expect(count(codes, 401)).toBe(5);
    expect((await attempt('bob', testPassword, '192.168.1.10')).statusCode).toBe(200);
  });

  it('guesses spread over many addresses lock the account for 5 minutes at most', async () => {
    const strangers = ['10.8.0.11', '10.8.0.12', '10.8.0.13', '10.8.0.14', '10.8.0.15'];
    const codes = await statuses(
      strangers.flatMap((address) => Array.from({ length: 8 }, () => attempt('carol', 'Wrong#Password1', address))),
    );
    // 5 per address would be 25; the account's own count stops at 20.
    expect(count(codes, 401)).toBe(20);
    const member = await attempt('carol', testPassword, '192.168.1.11');
    expect(member.statusCode).toBe(429);
    expect(Number(member.headers['retry-after'])).toBeLessThanOrEqual(5 * 60);
  });

  it('a right password gives its attempt back', async () => {
    for (let i = 0; i < 4; i += 1)
      expect((await attempt('dora', 'Wrong#Password1', '192.168.1.12')).statusCode).toBe(401);
    // Were successes counted, the second of these would be the sixth attempt and refused.
    for (let i = 0; i < 3; i += 1) expect((await attempt('dora', testPassword, '192.168.1.12')).statusCode).toBe(200);
    expect((await attempt('dora', 'Wrong#Password1', '192.168.1.12')).statusCode).toBe(401);
    expect((await attempt('dora', 'Wrong#Password1', '192.168.1.12')).statusCode).toBe(429);
  });

  it('limits one address trying many usernames, known or not, to 10; other addresses go on', async () => {
    const names = ['erin', 'fred', 'nobody1', 'nobody2', 'nobody3', 'nobody4', 'nobody5', 'nobody6', 'nobody7', 'x'];
    const codes = await statuses([...names, ...names].map((name) => attempt(name, 'Wrong#Password1', '10.8.0.77')));
    expect(count(codes, 401)).toBe(10);
    expect(count(codes, 429)).toBe(10);
    expect((await attempt('erin', testPassword, '10.8.0.77')).statusCode).toBe(429);
    expect((await attempt('erin', testPassword, '10.8.0.78')).statusCode).toBe(200);
  });

  it('unknown logins are throttled like known ones, without their text in Redis', async () => {
    const codes = await statuses(
      Array.from({ length: 12 }, () => attempt('Typed-Password#1', 'Wrong#Password1', '192.168.1.13')),
    );
    expect(count(codes, 401)).toBe(5);
    const keys = await h.redis.redis.keys('*');
    expect(keys.join('\n').toLowerCase()).not.toContain('typed-password#1');
  });
});

describe('idle timeout', () => {
  let h: TestApp;
  beforeAll(async () => {
    // 1.2 seconds of idleness ends a session.
    h = await createTestApp({ env: { SESSION_IDLE_MINUTES: '0.02' } });
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  it('ends a session left alone longer than SESSION_IDLE_MINUTES, while requests keep an active one alive', async () => {
    const idle = await signIn(h.app, 'mum', { deviceId: 'idle' });
    const busy = await signIn(h.app, 'mum', { deviceId: 'busy' });
    for (let i = 0; i < 6; i += 1) {
      await sleep(400);
      const response = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: busy.auth });
      expect(response.statusCode).toBe(200);
    }
    const response = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: idle.auth });
    expect(response.statusCode).toBe(401);
    // Said as it is, so the app can tell the person why they must sign in again.
    expect(response.json().error).toMatchObject({ code: 'AUTH_004', details: { reason: 'idle' } });
    const refreshed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { keepsake_refresh: idle.refreshToken },
    });
    expect(refreshed.json().error.code).toBe('AUTH_004');
    const row = await h.t.db
      .selectFrom('sessions')
      .select('revoked_reason')
      .where('id', '=', idle.sessionId)
      .executeTakeFirst();
    expect(row?.revoked_reason).toBe('idle timeout');
  });
});

describe('Redis down', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  it('answers 503 SYSTEM_007, never 500', async () => {
    const session = await signIn(h.app, 'mum');
    h.redis.redis.disconnect();
    const response = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.auth });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('SYSTEM_007');
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'mum', password: testPassword },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json().error.code).toBe('SYSTEM_007');
    // Reconnected, the live session is still there.
    await h.redis.redis.connect();
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.auth })).statusCode).toBe(200);
  });
});
