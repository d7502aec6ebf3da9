import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayWarning } from '../network/clientSightings.js';
import { createTestApp, type TestApp } from '../testing/testApp.js';
import { createTestUser, testPassword } from '../testing/testUsers.js';

describe('network allowlist', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum');
  });
  afterAll(() => h.close());

  const get = (remoteAddress: string, headers: Record<string, string> = {}, url = '/api/health') =>
    h.app.inject({ method: 'GET', url, remoteAddress, headers });

  it('refuses an address outside ALLOWED_NETWORKS with 403 SEC_001, on every kind of route', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/nowhere', '/', '/api/docs/json']) {
      const response = await get('203.0.113.5', {}, url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error, url).toMatchObject({
        code: 'SEC_001',
        message: 'Access denied: VPN connection required',
      });
    }
  });

  it('refuses outsiders even where the router answers before any hook (over-long path segments)', async () => {
    const del = (remoteAddress: string) =>
      h.app.inject({ method: 'DELETE', url: `/api/sessions/${'x'.repeat(300)}`, remoteAddress });
    expect((await del('203.0.113.5')).json().error.code).toBe('SEC_001');
    const inside = await del('192.168.1.23');
    expect(inside.statusCode).toBe(414);
    expect(inside.json().error.code).toBe('SYSTEM_003');
  });

  it('lets in the home LAN, the VPN and loopback', async () => {
    for (const address of ['192.168.1.23', '10.8.0.5', '127.0.0.1', '::1', '::ffff:192.168.1.23']) {
      expect((await get(address)).statusCode, address).toBe(200);
    }
  });

  it('ignores forwarded headers from a peer that is not a trusted proxy', async () => {
    for (const headers of [
      { 'x-forwarded-for': '10.8.0.5' } as Record<string, string>,
      { 'x-real-ip': '10.8.0.5' },
      { 'x-forwarded-for': '10.8.0.5, 192.168.1.2' },
    ]) {
      const response = await get('203.0.113.5', headers);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('SEC_001');
    }
    // Nor can someone inside borrow another address: the peer is what counts.
    const inside = await get('192.168.1.23', { 'x-forwarded-for': '203.0.113.5' });
    expect(inside.statusCode).toBe(200);
  });

  it('through a trusted proxy, uses the forwarded client address for the allowlist and the audit log', async () => {
    expect((await get('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).json().error.code).toBe('SEC_001');
    expect((await get('127.0.0.1', { 'x-real-ip': '203.0.113.9' })).json().error.code).toBe('SEC_001');
    expect((await get('127.0.0.1', { 'x-real-ip': '10.8.0.9' })).statusCode).toBe(200);

    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '10.8.0.5' },
      payload: { login: 'mum', password: testPassword },
    });
    expect(login.statusCode).toBe(200);
    await h.app.auditLog.flush();
    const entry = await h.t.db
      .selectFrom('access_logs')
      .selectAll()
      .where('action', '=', 'auth.login')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ client_ip: '10.8.0.5', via_vpn: true });
  });

  it('records refused addresses in the audit log, once a minute per address', async () => {
    for (let i = 0; i < 5; i += 1) await get('198.51.100.7');
    await get('198.51.100.8');
    await h.app.auditLog.flush();
    const refused = await h.t.db
      .selectFrom('access_logs')
      .select(['client_ip', 'status'])
      .where('action', '=', 'security.refused')
      .where('client_ip', 'in', ['198.51.100.7', '198.51.100.8'])
      .execute();
    expect(refused.map((r) => r.client_ip).sort()).toEqual(['198.51.100.7', '198.51.100.8']);
  });
});

describe('allowlist self-check', () => {
  let h: TestApp;
  beforeAll(async () => {
    // As on Docker Desktop: the only clients the server ever sees are gateways, and someone allowed them.
    h = await createTestApp({ env: { ALLOWED_NETWORKS: '127.0.0.1/32,172.16.0.0/12,192.168.0.0/16' } });
    await h.redis.redis.set('processor:heartbeat:w1', JSON.stringify({ host: 'test', pid: 1, at: Date.now() }));
  });
  afterAll(() => h.close());

  const ready = () => h.app.inject({ method: 'GET', url: '/api/health/ready' });

  it('warns on readiness when every client seen is a container gateway, and stops when a real one appears', async () => {
    expect((await ready()).json().warnings).toEqual([]);
    await h.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '172.17.0.1' });
    await h.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.168.65.1' });
    const warned = await ready();
    expect(warned.statusCode).toBe(200);
    expect(warned.json().warnings).toEqual([gatewayWarning]);

    await h.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.168.1.23' });
    expect((await ready()).json().warnings).toEqual([]);
  });
});
