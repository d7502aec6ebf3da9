import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseEnv,
  createTestDatabase,
  deleteRedisKeys,
  freePort,
  startProcess,
  waitFor,
  waitForHttp,
  type RunningProcess,
  type TestDatabase,
} from '@keepsake/testkit';
import { listening } from './support/listening.js';

/** `npm run dev` as a developer runs it: server and processor under tsx watch, Vite in front. */
describe('npm run dev', () => {
  let root: string;
  let database: TestDatabase;
  let dev: RunningProcess;
  let apiPort: number;
  let webPort: number;
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `test:${randomUUID()}:`;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-dev-'));
    await fs.mkdir(path.join(root, 'imports'));
    database = await createTestDatabase();
    apiPort = await freePort();
    webPort = await freePort();
    dev = startProcess('npm run dev', 'npm', ['run', 'dev'], {
      ...baseEnv(),
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      IMPORTS_DIR: path.join(root, 'imports'),
      ASSETS_DIR: path.join(root, 'assets'),
      PRIVATE_DIR: path.join(root, 'private'),
      PORT: String(apiPort),
      WEB_DEV_PORT: String(webPort),
      // Fewer lines than the debug default, so the output's tail still holds the start.
      LOG_LEVEL: 'info',
    });
    // The API through Vite's proxy: both are up and wired together.
    await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, dev, 120_000);
  });

  afterAll(async () => {
    await dev?.stop(40_000);
    await database?.drop();
    await deleteRedisKeys(redisUrl, redisPrefix).catch(() => {});
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it('serves the gallery from Vite with hot reload, and the API behind it', async () => {
    const page = await (await fetch(`http://127.0.0.1:${webPort}/`)).text();
    expect(page).toContain('/@vite/client');
    const me = await fetch(`http://127.0.0.1:${webPort}/api/auth/me`);
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('AUTH_003');
  });

  it('labels every line with its part, in readable (not JSON) logs', async () => {
    await waitFor('the processor to start', () => /processor \| .*processor started/.test(dev.output()));
    await waitFor('the launcher to say where', () => dev.output().includes('keepsake: running'));
    const output = dev.output();
    expect(output).toMatch(/server\s+\| .*Server listening at http:\/\/127\.0\.0\.1:\d+/);
    expect(output).not.toMatch(/(server|processor)\s+\| \{"level"/);
    expect(output).toContain(`keepsake: running: http://127.0.0.1:${webPort}`);
  });

  it('stops server, processor and Vite together on one signal', async () => {
    process.kill(-dev.child.pid!, 'SIGINT');
    await waitFor('the launcher to finish stopping', () => dev.output().includes('keepsake: stopped'), 40_000);
    expect(await listening(apiPort)).toBe(false);
    expect(await listening(webPort)).toBe(false);
  });
});
