import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, waitFor, type RunningNginx, type Stack } from '@keepsake/testkit';
import { makeClientNamespaces, type ClientNamespaces, type NamespaceClient } from './support/clientNamespaces.js';

const omar = { login: 'omar', password: 'Orchard#Gate58' };
const forged = { 'X-Forwarded-For': '10.8.0.5', 'X-Real-IP': '10.8.0.5' };

/**
 * Clients in network namespaces of their own, at real addresses inside and outside
 * ALLOWED_NETWORKS (the defaults: loopback, 192.168.1.0/24, 10.8.0.0/24), reaching nginx over
 * a veth link: what nginx and the server see is what a phone on the LAN or VPN would give them.
 */
describe('the network boundary, with clients at real addresses', () => {
  let stack: Stack;
  let guarded: RunningNginx;
  let open: RunningNginx;
  let namespaces: ClientNamespaces | undefined;
  let vpn: NamespaceClient;
  let lan: NamespaceClient;
  let outsiders: NamespaceClient[];
  const caFile = () => path.join(stack.dirs.private, 'ca.crt');

  const get = (client: NamespaceClient, nginx: RunningNginx, target: string, headers: Record<string, string> = {}) =>
    client.curl(nginx.port, target, { caFile: caFile(), headers });

  const signIn = (client: NamespaceClient, nginx: RunningNginx, headers: Record<string, string> = {}) =>
    client.curl(nginx.port, '/api/auth/login', {
      caFile: caFile(),
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ ...omar, device_id: `ns-${client.address}` }),
    });

  /** The audit rows of one action for one client address (written in batches: waited for). */
  const auditRows = (action: string, address: string) =>
    stack.database.db
      .selectFrom('access_logs')
      .select(['client_ip', 'via_vpn', 'status'])
      .where('action', '=', action)
      .where('client_ip', '=', address)
      .execute();

  /** The audit rows once there is at least one (the audit log is written in batches). */
  const auditRowsSoon = (action: string, address: string) =>
    waitFor(`${action} of ${address} in the audit log`, async () => {
      const rows = await auditRows(action, address);
      return rows.length > 0 ? rows : null;
    });

  /** The access-log entry nginx wrote for the last request of `address`. */
  const lastLogged = async (nginx: RunningNginx, address: string) =>
    (await nginx.accessLogEntries()).filter((entry) => entry.client === address).at(-1);

  beforeAll(async () => {
    stack = await startStack({ env: { ACCEL_REDIRECT: 'true' } });
    await stack.createUser({ username: omar.login, password: omar.password });
    guarded = await stack.startNginx();
    // The same server behind an nginx that lets everyone through: the server's own check alone.
    open = await stack.startNginx({ allowlist: false });
    namespaces = await makeClientNamespaces(['10.8.0', '192.168.1', '10.9.0', '172.20.0']);
    [vpn, lan, ...outsiders] = namespaces.clients as [NamespaceClient, NamespaceClient, ...NamespaceClient[]];
  });

  afterAll(async () => {
    await namespaces?.remove();
    await stack?.stop();
  });

  it('lets a VPN client (10.8.0.x) and a home LAN client (192.168.1.x) in', async () => {
    for (const client of [vpn, lan]) {
      const page = await get(client, guarded, '/');
      expect(page.status, client.address).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect((await get(client, guarded, '/api/health')).status).toBe(200);
      expect((await signIn(client, guarded)).status, client.address).toBe(200);
      expect((await lastLogged(guarded, client.address))?.status).toBe(200);
    }
  });

  it('records the VPN client as via_vpn in the audit log, and the LAN client as not', async () => {
    const vpnLogins = await auditRowsSoon('auth.login', vpn.address);
    expect(vpnLogins[0]).toMatchObject({ client_ip: vpn.address, via_vpn: true });
    const lanLogins = await auditRowsSoon('auth.login', lan.address);
    expect(lanLogins[0]).toMatchObject({ client_ip: lan.address, via_vpn: false });
  });

  it('has nginx refuse clients outside ALLOWED_NETWORKS with SEC_001 JSON, before the server sees them', async () => {
    for (const client of outsiders) {
      for (const target of ['/', '/api/health', '/api/auth/login']) {
        const refused = await get(client, guarded, target);
        expect(refused.status, `${client.address} ${target}`).toBe(403);
        expect(refused.headers['content-type']).toBe('application/json');
        expect(JSON.parse(refused.body)).toMatchObject({
          error: { code: 'SEC_001', message: 'Access denied: VPN connection required' },
        });
        // nginx answered itself: no upstream time in its log.
        expect(await lastLogged(guarded, client.address)).toMatchObject({ status: 403, upstream_ms: '' });
      }
    }
  });

  it('has the server refuse them with SEC_001 when nginx’s allowlist is off', async () => {
    // (nginx still sends the gallery's static files then: code, no data; every byte of data is behind /api/.)
    for (const client of outsiders) {
      for (const target of ['/api/health', '/api/auth/me', '/api/media/library']) {
        const refused = await get(client, open, target);
        expect(refused.status, `${client.address} ${target}`).toBe(403);
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'SEC_001' } });
        // This time the answer came from upstream: the server saw the real address and refused.
        expect((await lastLogged(open, client.address))?.upstream_ms).toMatch(/^\d+\.\d+$/);
      }
      const refusals = await auditRowsSoon('security.refused', client.address);
      expect(refusals[0]).toMatchObject({ client_ip: client.address, status: 403 });
    }
  });

  it('changes nothing when an outside client forges X-Forwarded-For / X-Real-IP', async () => {
    for (const client of outsiders) {
      for (const nginx of [guarded, open]) {
        expect((await get(client, nginx, '/api/health', forged)).status).toBe(403);
        const signedIn = await signIn(client, nginx, forged);
        expect(signedIn.status).toBe(403);
        expect(JSON.parse(signedIn.body)).toMatchObject({ error: { code: 'SEC_001' } });
      }
    }
    // An allowed client forging the VPN's address is still recorded at its own address.
    expect((await signIn(lan, open, forged)).status).toBe(200);
    await waitFor(
      'the forged sign-in in the audit log',
      async () => (await auditRows('auth.login', lan.address)).length >= 2,
    );
    const rows = await auditRows('auth.login', lan.address);
    expect(rows.every((row) => row.via_vpn === false)).toBe(true);
    expect(await auditRows('auth.login', '10.8.0.5')).toEqual([]);
  });
});
