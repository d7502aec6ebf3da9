import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  generateVideo,
  playHlsUrl,
  startStack,
  type HttpsAnswer,
  type RunningNginx,
  type Stack,
} from '@keepsake/testkit';
import { apiSignIn, type SignedIn } from './support/apiSignIn.js';
import { builtPagePolicy, policyDirectives } from './support/contentSecurityPolicy.js';
import { expectSecurityHeaders } from './support/securityHeaders.js';
import { tlsConnect } from './support/tlsConnect.js';

const run = promisify(execFile);
const nora = { login: 'nora', password: 'Lantern#Bay31' };

interface LibraryItem {
  id: string;
  type: string;
  stream_url: string | null;
  thumbnail_url: string;
}

/**
 * openssl s_client with one protocol version (and for TLS 1.2 the ciphers it offers), trusting
 * only the install's CA; resolves with how it went.
 */
function handshake(
  port: number,
  caFile: string,
  version: string,
  cipher = 'DEFAULT',
): Promise<{ ok: boolean; output: string }> {
  // SECLEVEL=0 lets this client offer the old protocols at all: the refusal must come from nginx.
  const args = ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-CAfile', caFile];
  args.push('-verify_return_error', `-${version}`, '-cipher', `${cipher}:@SECLEVEL=0`);
  return new Promise((resolve, reject) => {
    // No input: s_client closes the connection as soon as the handshake is done.
    const child = spawn('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** A plain-HTTP request to the TLS port. */
function plainHttp(port: number, pathname: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent: false }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
      })
      .on('error', reject);
  });
}

describe('nginx in front of the server (TLS, headers, X-Accel-Redirect, logs, limits)', () => {
  let stack: Stack;
  let nginx: RunningNginx;
  let user: SignedIn;
  let video: LibraryItem;
  let pagePolicy: string;
  const caFile = () => path.join(stack.dirs.private, 'ca.crt');

  beforeAll(async () => {
    stack = await startStack({ env: { ACCEL_REDIRECT: 'true' } });
    await stack.createUser({ username: nora.login, password: nora.password });
    await generateVideo({ file: path.join(stack.dirs.imports, 'harbour.mp4'), width: 320, height: 240, seconds: 3 });
    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
    nginx = await stack.startNginx();
    user = await apiSignIn(nginx, nora);
    const library = await nginx.request('/api/media/library', { headers: user.headers });
    video = library.json<{ items: LibraryItem[] }>().items[0]!;
    pagePolicy = await builtPagePolicy(stack.env.WEB_DIST_DIR!);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('accepts TLS 1.2 and 1.3 with the certificate the local CA issued', async () => {
    for (const version of ['tls1_2', 'tls1_3']) {
      const result = await handshake(nginx.port, caFile(), version);
      expect(result.ok, result.output).toBe(true);
      expect(result.output).toContain('Verify return code: 0 (ok)');
    }
  });

  it('refuses TLS 1.0 and 1.1 handshakes', async () => {
    for (const version of ['tls1', 'tls1_1']) {
      const result = await handshake(nginx.port, caFile(), version);
      expect(result.ok, result.output).toBe(false);
      expect(result.output).toMatch(/alert protocol version|unsupported protocol/i);
    }
  });

  it('offers TLS 1.2 only with Mozilla’s intermediate ciphers (ECDHE, AEAD)', async () => {
    // The certificate scripts/init issues is ECDSA (P-256), so these are the ECDSA halves of the list.
    for (const cipher of [
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-CHACHA20-POLY1305',
    ]) {
      const result = await handshake(nginx.port, caFile(), 'tls1_2', cipher);
      expect(result.ok, `${cipher}: ${result.output}`).toBe(true);
    }
    // In nginx's default list (HIGH), not in Mozilla's: CBC modes and SHA-1 MACs.
    for (const cipher of [
      'ECDHE-ECDSA-AES128-SHA256',
      'ECDHE-ECDSA-AES256-SHA384',
      'ECDHE-ECDSA-AES256-SHA',
      'ECDHE-ECDSA-AES128-CCM',
    ]) {
      const result = await handshake(nginx.port, caFile(), 'tls1_2', cipher);
      expect(result.ok, `${cipher}: ${result.output}`).toBe(false);
      expect(result.output).toMatch(/handshake failure/i);
    }
  });

  it('resumes TLS sessions from its cache, never with session tickets', async () => {
    const first = await tlsConnect(nginx.port, stack.dirs.private);
    expect(first.ticket).toBeUndefined();
    const second = await tlsConnect(nginx.port, stack.dirs.private, first.session);
    expect(second.reused).toBe(true);
    expect(second.ticket).toBeUndefined();
  });

  it('answers plain HTTP on its port with a redirect to HTTPS', async () => {
    const answer = await plainHttp(nginx.port, '/gallery?view=grid');
    expect(answer.status).toBe(301);
    expect(answer.location).toBe(`https://127.0.0.1:${nginx.port}/gallery?view=grid`);
  });

  it('sends the security headers on every kind of response, with the gallery’s own policy', async () => {
    const index = await nginx.request('/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text())![1]!;
    const variant = (await nginx.request(video.stream_url!))
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/'))!;
    const variantPlaylist = (await nginx.request(variant)).text();
    const segment = variantPlaylist.split('\n').find((line) => line.startsWith('/api/media/segment/'))!;
    const key = /URI="([^"]+)"/.exec(variantPlaylist)![1]!;

    const responses: [string, HttpsAnswer, number][] = [
      ['the gallery page', index, 200],
      ['a deep link into the gallery', await nginx.request('/photos/2024'), 200],
      ['a hashed asset', await nginx.request(script), 200],
      ['API JSON', await nginx.request('/api/auth/me', { headers: user.headers }), 200],
      ['an API error', await nginx.request('/api/auth/me'), 401],
      ['a missing asset', await nginx.request('/assets/missing-123.js'), 404],
      ['a thumbnail', await nginx.request(video.thumbnail_url), 200],
      ['a segment (X-Accel-Redirect)', await nginx.request(segment), 200],
      ['an HLS key', await nginx.request(key), 200],
    ];
    for (const [what, answer, status] of responses) {
      expect(answer.status, what).toBe(status);
      expectSecurityHeaders(answer, pagePolicy, what);
    }
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(responses[2]![1].headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('refuses an address outside ALLOWED_NETWORKS with the API’s SEC_001 JSON, headers included', async () => {
    // A second nginx over the same server that does not list loopback, so this test is "outside".
    const strict = await stack.startNginx({ env: { ALLOWED_NETWORKS: '10.8.0.0/24' } });
    for (const target of ['/', '/api/health', '/assets/anything.js']) {
      const refused = await strict.request(target);
      expect(refused.status, target).toBe(403);
      expect(refused.headers['content-type']).toBe('application/json');
      expect(refused.json()).toMatchObject({ error: { code: 'SEC_001', details: null } });
      expectSecurityHeaders(refused, pagePolicy, `refused ${target}`);
    }
  });

  it('holds the server alone to the same policy (helmet, without nginx)', async () => {
    const direct = await fetch(`${stack.baseUrl}/`);
    const served = policyDirectives(direct.headers.get('content-security-policy') ?? '');
    for (const [name, value] of policyDirectives(pagePolicy)) expect(served.get(name), name).toBe(value);
    expect(served.get('frame-ancestors')).toBe("'none'");
  });

  it('serves segments from disk via X-Accel-Redirect; ffmpeg decodes the whole stream through nginx', async () => {
    const variant = (await nginx.request(video.stream_url!))
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/'))!;
    const segment = (await nginx.request(variant))
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/media/segment/'))!;
    // The server itself only decides: an empty body and where nginx finds the file.
    const decided = await fetch(`${stack.baseUrl}${segment}`);
    expect(decided.headers.get('x-accel-redirect')).toMatch(
      new RegExp(`^/_protected/videos/${video.id}/g1/[^/]+/seg_\\d+\\.ts$`),
    );
    expect((await decided.arrayBuffer()).byteLength).toBe(0);
    const onDisk = await fs.readFile(
      path.join(stack.dirs.assets, decided.headers.get('x-accel-redirect')!.slice('/_protected/'.length)),
    );
    const viaNginx = await nginx.request(segment);
    expect(viaNginx.headers['x-accel-redirect']).toBeUndefined();
    expect(viaNginx.body.equals(onDisk)).toBe(true);

    const stderr = await playHlsUrl(`${nginx.baseUrl}${video.stream_url}`, 'error', [
      '-ca_file',
      caFile(),
      '-tls_verify',
      '1',
    ]);
    expect(stderr).toBe('');
  });

  it('logs every request as JSON, with no token, password, Authorization or cookie in it', async () => {
    const text = await fs.readFile(nginx.accessLog, 'utf8');
    const entries = await nginx.accessLogEntries();
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(
        ['agent', 'bytes', 'client', 'method', 'ms', 'path', 'status', 'time', 'upstream_ms'].sort(),
      );
    }
    expect(entries.some((entry) => String(entry.path).startsWith('/api/media/segment/') && entry.status === 200)).toBe(
      true,
    );
    const playlist = (await nginx.request(video.stream_url!)).text();
    const mediaTokens = [
      video.stream_url!,
      video.thumbnail_url,
      ...playlist.split('\n').filter((l) => l.startsWith('/')),
    ].map((url) => new URL(url, nginx.baseUrl).searchParams.get('t')!);
    expect(mediaTokens.every(Boolean)).toBe(true);
    const secrets = [user.accessToken, user.refreshCookie, ...mediaTokens, nora.password];
    for (const secret of secrets) expect(text.includes(secret), 'a secret in the access log').toBe(false);
    expect(text).not.toMatch(/[?&]t=|Bearer|authorization|keepsake_refresh/i);
  });

  it('writes no media token into its access or error log, whatever becomes of the request', async () => {
    const variant = (await nginx.request(video.stream_url!))
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/'))!;
    const segment = (await nginx.request(variant))
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/media/segment/'))!;
    const token = new URL(segment, nginx.baseUrl).searchParams.get('t')!;
    const segmentDir = path.dirname(
      path.join(stack.dirs.assets, 'videos', segment.split('?')[0]!.split('/').slice(4).join('/')),
    );
    // Not a regular file: the server sees it exists and redirects, nginx then refuses it (at crit).
    await run('mkfifo', [path.join(segmentDir, 'seg_09998.ts')]);
    const missing = segment.replace(/seg_\d+\.ts/, 'seg_09999.ts');
    const strange = segment.replace(/seg_\d+\.ts/, 'seg_09998.ts');
    const forged = segment.replace(token, `${token.slice(0, -4)}AAAA`);
    const refusing = await stack.startNginx({ env: { ALLOWED_NETWORKS: '10.8.0.0/24' } });
    const orphaned = await stack.startNginx({ env: { NGINX_UPSTREAM: `127.0.0.1:${await freePort('127.0.0.1')}` } });

    const answers: [string, RunningNginx, string, number][] = [
      ['a missing segment', nginx, missing, 404],
      ['a segment that is not a file', nginx, strange, 404],
      ['a forged token', nginx, forged, 403],
      ['an outside address', refusing, segment, 403],
      ['a server that is down', orphaned, segment, 502],
      [
        'a key while the server is down',
        orphaned,
        /URI="([^"]+)"/.exec((await nginx.request(variant)).text())![1]!,
        502,
      ],
    ];
    for (const [what, through, url, status] of answers) expect((await through.request(url)).status, what).toBe(status);
    // Not vacuous: the down server is in the error log, for a request without a token.
    expect((await orphaned.request('/api/health')).status).toBe(502);
    await refusing.stop();
    await orphaned.stop();
    const orphanedErrors = await fs.readFile(orphaned.errorLog, 'utf8');
    expect(orphanedErrors).toMatch(/connect\(\) failed .*"GET \/api\/health /);

    const tokens = answers.map(([, , url]) => new URL(url, nginx.baseUrl).searchParams.get('t')!);
    for (const through of [nginx, refusing, orphaned]) {
      for (const log of [through.accessLog, through.errorLog]) {
        const text = await fs.readFile(log, 'utf8').catch(() => '');
        for (const secret of tokens) expect(text.includes(secret), `a token in ${log}`).toBe(false);
        expect(text, log).not.toMatch(/[?&]t=/);
      }
    }
    await fs.rm(path.join(segmentDir, 'seg_09998.ts'));
  });

  it('throttles /api/auth/ per address with a 429 in the API’s JSON (after this, sign-ins wait)', async () => {
    const statuses: number[] = [];
    let throttled: HttpsAnswer | undefined;
    for (let i = 0; i < 40 && !throttled; i += 1) {
      const answer = await nginx.request('/api/auth/me');
      statuses.push(answer.status);
      if (answer.status === 429) throttled = answer;
    }
    // The server answers 401 until nginx's allowance (a burst of 20) is used up.
    expect(statuses.slice(0, 15).every((status) => status === 401)).toBe(true);
    expect(throttled, `statuses: ${statuses.join(',')}`).toBeDefined();
    expect(throttled!.json()).toMatchObject({ error: { code: 'AUTH_005' } });
    expect(throttled!.headers['retry-after']).toBe('60');
    expectSecurityHeaders(throttled!, pagePolicy, '429');
  });
});
