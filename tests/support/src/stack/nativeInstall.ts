import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../testDatabase.js';
import { baseEnv } from './baseEnv.js';
import type { RunningProcess } from './childProcess.js';
import { freePort } from './freePort.js';
import { httpsRequest } from './httpsRequest.js';
import { deleteRedisKeys } from './redisCleanup.js';
import { waitForReady } from './waitForHttp.js';

/** Where a native install (`npm start`, `npm run dev`) answers: nginx on 1027, as installed. */
export const nativeOrigin = 'https://127.0.0.1:1027';

export interface NativeInstall {
  /** The install's folder: imports/ and assets/ made, private/ (and run/) left to the install. */
  root: string;
  database: TestDatabase;
  /** The configuration an admin would give it, pointing at the folder, the database and a Redis prefix of its own. */
  env: NodeJS.ProcessEnv;
  /** Drops the database and the Redis keys and removes the folder. */
  remove(): Promise<void>;
}

/**
 * The set-up of a native install, as the tests of `npm start` and `npm run dev` (and the
 * start-up bench) make it: a throwaway folder, database and Redis prefix, and the server on a
 * free port (3000 may be in use here). `env` adds to or replaces the settings.
 */
export async function prepareNativeInstall(prefix: string, env: NodeJS.ProcessEnv = {}): Promise<NativeInstall> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.mkdir(path.join(root, 'imports'));
  await fs.mkdir(path.join(root, 'assets'));
  const database = await createTestDatabase();
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `test:${randomUUID()}:`;
  return {
    root,
    database,
    env: {
      ...baseEnv(),
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      IMPORTS_DIR: path.join(root, 'imports'),
      ASSETS_DIR: path.join(root, 'assets'),
      PRIVATE_DIR: path.join(root, 'private'),
      KEEPSAKE_RUN_DIR: path.join(root, 'run'),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    },
    remove: async () => {
      await database.drop();
      await deleteRedisKeys(redisUrl, redisPrefix).catch(() => {});
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** Waits until nginx answers /api/health with 200 over TLS the install's own CA vouches for. */
export async function waitForNativeHealth(install: NativeInstall, started: RunningProcess, timeoutMs: number) {
  const caFile = path.join(install.env.PRIVATE_DIR!, 'ca.crt');
  await waitForReady(
    `${nativeOrigin}/api/health`,
    async () => {
      const answer = await httpsRequest(`${nativeOrigin}/api/health`, { ca: await fs.readFile(caFile) });
      return answer.status === 200 || `HTTP ${answer.status}`;
    },
    started,
    timeoutMs,
  );
}
