import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceFirstRun } from '../setup/announceFirstRun.js';
import { setupCode, setupCodeMatches } from '../setup/setupCode.js';
import { createTestApp, type TestApp } from '../testing/testApp.js';
import { signIn } from '../testing/testUsers.js';

describe('first run: the first admin, created in the browser with the setup code', () => {
  let h: TestApp;
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );

  beforeAll(async () => {
    h = await createTestApp({ logger });
  });
  afterAll(() => h.close());

  const code = () => setupCode(h.config.urlSigningSecret);
  const setup = (payload: Record<string, string>) => h.app.inject({ method: 'POST', url: '/api/setup', payload });
  const anna = { username: 'anna', email: 'anna@example.com', full_name: 'Anna Berg', password: 'Kitchen#Table7' };

  it('is needed while nobody exists, and the log says how, with the code', async () => {
    expect((await h.app.inject({ url: '/api/setup' })).json()).toEqual({ needed: true });
    await announceFirstRun(h.app);
    expect(lines.join('')).toContain(code());
    expect(code()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('forgives case and dashes in the code but nothing else', () => {
    expect(setupCodeMatches(code(), code().toLowerCase().replace(/-/g, ' '))).toBe(true);
    expect(setupCodeMatches(code(), `${code()}X`)).toBe(false);
    expect(setupCodeMatches(code(), 'AAAA-BBBB-CCCC')).toBe(false);
  });

  it('refuses a wrong code and a weak password, creating nobody', async () => {
    const wrong = await setup({ ...anna, setup_code: 'AAAA-BBBB-CCCC' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_001');
    const weak = await setup({ ...anna, password: 'password', setup_code: code() });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/Password is too weak/);
    expect((await h.app.inject({ url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('counts wrong codes before comparing them, per address: 40 at once give 5 401s, the rest 429', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/setup',
          remoteAddress: '192.168.1.66',
          payload: { ...anna, setup_code: `AAAA-BBBB-${String(i).padStart(4, 'C')}` },
        }),
      ),
    );
    const codes = responses.map((response) => response.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(35);
    const refused = responses.find((response) => response.statusCode === 429)!;
    expect(refused.json().error.code).toBe('AUTH_005');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // That address must wait even with the right code; the installer elsewhere does not (next test).
    const right = await h.app.inject({
      method: 'POST',
      url: '/api/setup',
      remoteAddress: '192.168.1.66',
      payload: { ...anna, setup_code: code() },
    });
    expect(right.statusCode).toBe(429);
  });

  it('creates the first admin once, who can then sign in; after that the code opens nothing', async () => {
    const [first, second] = await Promise.all([
      setup({ ...anna, setup_code: code() }),
      setup({ ...anna, username: 'bob', email: 'bob@example.com', setup_code: code() }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const created = [first, second].find((r) => r.statusCode === 201)!.json().user;
    expect(created).toMatchObject({ role: 'admin', is_active: true });

    await signIn(h.app, created.username);
    expect((await h.app.inject({ url: '/api/setup' })).json()).toEqual({ needed: false });
    const again = await setup({ ...anna, username: 'eve', email: 'eve@example.com', setup_code: code() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SYSTEM_006');

    lines.length = 0;
    await announceFirstRun(h.app);
    expect(lines.join('')).not.toContain(code());
  });
});
