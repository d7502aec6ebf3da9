import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFile, playHlsUrl, startStack, type Stack } from '@keepsake/testkit';

const run = promisify(execFile);

const gran = { username: 'gran', email: 'gran@example.com', password: 'Knitting#Needle42' };

/** Settings from the design document's .env example, which Keepsake does not read. */
const designDocumentEnv = {
  DB_HOST: 'postgres',
  DB_PASSWORD: 'secure_password',
  MASTER_ENCRYPTION_KEY: 'your_master_key_here',
  SERVER_PORT: '1027',
  MAX_WORKERS: '4',
};

interface LibraryItem {
  id: string;
  name: string;
  type: 'image' | 'video';
  thumbnail_url: string;
  preview_url: string | null;
  created_at: string;
  metadata: { width: number; height: number; duration?: number; size_bytes: number };
}

function isWebp(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
}

/**
 * A client written only from the design document's "API Specifications" examples, against the
 * real server: the document's bodies, query values and paths, `Authorization: Bearer` on every
 * request (media included), and ffmpeg as the video player. Nothing Keepsake-specific is sent.
 */
describe("a client written from the design document's examples", () => {
  let stack: Stack;
  let accessToken = '';
  let items: LibraryItem[] = [];

  beforeAll(async () => {
    stack = await startStack({ env: designDocumentEnv });
    await stack.createUser(gran);
    await fs.copyFile(fixtureFile('photo/train.jpg'), path.join(stack.dirs.imports, 'sunset_photo.jpg'));
    await fs.copyFile(fixtureFile('video/bbb_prog_10s.mp4'), path.join(stack.dirs.imports, 'vacation_video.mp4'));
    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const call = (route: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${stack.baseUrl}${route}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token === '' ? {} : { authorization: `Bearer ${init.token ?? accessToken}` }),
      },
    });

  const signIn = async (deviceName: string) => {
    const response = await call('/api/auth/login', {
      method: 'POST',
      token: '',
      body: JSON.stringify({ username: gran.email, password: gran.password, device_name: deviceName }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      access_token: string;
      refresh_token?: string;
      expires_in: number;
      user: { id: string; username: string; email: string; role: string };
    };
  };

  it('warns at start about the document settings it ignores, naming the replacement, never the value', () => {
    const log = stack.server.fullOutput();
    for (const [name, replacement] of [
      ['DB_HOST', 'DATABASE_URL'],
      ['DB_PASSWORD', 'DATABASE_URL'],
      ['MASTER_ENCRYPTION_KEY', 'MASTER_ENCRYPTION_KEY_FILE'],
      ['SERVER_PORT', 'PORT'],
      ['MAX_WORKERS', 'WORKERS'],
    ]) {
      expect(log).toMatch(new RegExp(`${name} is set but Keepsake does not read it; use ${replacement}`));
    }
    expect(log).not.toContain('secure_password');
    expect(log).not.toContain('your_master_key_here');
  });

  it('signs in with {username, password, device_name}', async () => {
    const body = await signIn('Chrome on MacBook');
    expect(body).toMatchObject({ expires_in: 900, user: { username: 'gran', email: gran.email } });
    // The refresh token stays in the HttpOnly cookie (ARCHITECTURE.md, deviations).
    expect(body.refresh_token).toBeUndefined();
    accessToken = body.access_token;
  });

  it('lists the library with type=all&page=1&limit=20', async () => {
    const response = await call('/api/media/library?type=all&page=1&limit=20');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: LibraryItem[]; pagination: object };
    expect(body.pagination).toEqual({ total: 2, page: 1, limit: 20, pages: 1 });
    items = body.data;
    const video = items.find((item) => item.type === 'video')!;
    const photo = items.find((item) => item.type === 'image')!;
    expect(video).toMatchObject({ name: 'vacation_video.mp4', preview_url: expect.any(String) });
    expect(video.metadata).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(video.metadata.duration).toBeGreaterThan(9);
    expect(photo).toMatchObject({ name: 'sunset_photo.jpg', preview_url: null });
    expect(photo.metadata.size_bytes).toBeGreaterThan(0);
    expect(photo.metadata).not.toHaveProperty('duration');
  });

  it('opens a thumbnail at /api/media/thumbnail/{id} and a photo at /api/media/stream/{id}', async () => {
    const photo = items.find((item) => item.type === 'image')!;
    for (const route of [`/api/media/thumbnail/${photo.id}`, `/api/media/stream/${photo.id}`]) {
      const response = await call(route);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type'), route).toBe('image/webp');
      expect(isWebp(Buffer.from(await response.arrayBuffer())), route).toBe(true);
    }
  });

  it('plays the video from /api/media/stream/{id} in ffmpeg with a Bearer header', async () => {
    const video = items.find((item) => item.type === 'video')!;
    const log = await playHlsUrl(`${stack.baseUrl}/api/media/stream/${video.id}`, 'verbose', [
      '-headers',
      `Authorization: Bearer ${accessToken}\r\n`,
    ]);
    expect(log).toMatch(/\/api\/media\/keys\//);
    expect(log).toMatch(/\/api\/media\/segment\//);
  });

  it('lists sessions, ends one, and logs out', async () => {
    const phone = await signIn('iPhone');
    const listed = await call('/api/sessions');
    expect(listed.status).toBe(200);
    const { sessions } = (await listed.json()) as {
      sessions: { id: string; device_name: string; ip_address: string; last_activity: string; is_current: boolean }[];
    };
    const current = sessions.find((s) => s.is_current)!;
    expect(current).toMatchObject({ device_name: 'Chrome on MacBook', ip_address: '127.0.0.1' });
    expect(Date.parse(current.last_activity)).not.toBeNaN();
    const other = sessions.find((s) => s.device_name === 'iPhone')!;
    expect(other.is_current).toBe(false);

    const ended = await call(`/api/sessions/${other.id}`, { method: 'DELETE' });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ message: 'Session terminated successfully' });
    expect((await call('/api/media/library?type=all&page=1&limit=20', { token: phone.access_token })).status).toBe(401);

    const out = await call('/api/auth/logout', {
      method: 'POST',
      body: JSON.stringify({ refresh_token: phone.refresh_token, logout_all_devices: false }),
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ message: 'Logged out successfully', devices_affected: 1 });
    const after = await call('/api/media/library?type=all&page=1&limit=20');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('AUTH_007');
  });

  it("keeps the refresh token in curl's cookie jar through nginx, as the README shows: rotation, and reuse ends the session", async () => {
    const nginx = await stack.startNginx();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-jar-'));
    const ca = path.join(dir, 'ca.crt');
    const jar = path.join(dir, 'jar');
    await fs.writeFile(ca, nginx.ca);
    const curl = async (...args: string[]) =>
      JSON.parse((await run('curl', ['-s', '--cacert', ca, ...args])).stdout) as Record<string, unknown>;
    try {
      const signedIn = await curl(
        '-c',
        jar,
        '-H',
        'content-type: application/json',
        '-d',
        JSON.stringify({ username: 'gran', password: gran.password, device_name: 'backup script' }),
        `${nginx.baseUrl}/api/auth/login`,
      );
      expect(signedIn.access_token).toEqual(expect.any(String));
      await fs.copyFile(jar, `${jar}.old`);
      const refreshed = await curl('-b', jar, '-c', jar, '-X', 'POST', `${nginx.baseUrl}/api/auth/refresh`);
      expect(refreshed.access_token).toEqual(expect.any(String));
      // The jar now holds the rotated token: a second refresh works too.
      expect(
        (await curl('-b', jar, '-c', jar, '-X', 'POST', `${nginx.baseUrl}/api/auth/refresh`)).access_token,
      ).toEqual(expect.any(String));
      // The old copy of the jar is a reused token: the whole session ends.
      const reused = await curl('-b', `${jar}.old`, '-X', 'POST', `${nginx.baseUrl}/api/auth/refresh`);
      expect(reused).toMatchObject({ error: { code: 'AUTH_007' } });
      expect(await curl('-b', jar, '-X', 'POST', `${nginx.baseUrl}/api/auth/refresh`)).toMatchObject({
        error: { code: 'AUTH_007' },
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
