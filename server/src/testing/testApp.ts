import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, loadServerConfig, type Logger, type ServerConfig } from '@keepsake/platform';
import { openKeyStore, type KeyStore } from '@keepsake/vault';
import { createTestDatabase, type ProcessingEnv, type TestDatabase } from '@keepsake/testkit';
import { buildApp } from '../app/buildApp.js';
import type { App } from '../app/types.js';
import { createTestRedis, type TestRedis } from './testRedis.js';

export interface TestApp {
  app: App;
  t: TestDatabase;
  redis: TestRedis;
  config: ServerConfig;
  /** A folder of its own under the system temp dir (assets, web build). */
  dir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  keyStore?: KeyStore;
  /** Reuse a database (and its users) for a second app. */
  database?: TestDatabase;
  logger?: Logger;
  /** Serve what a real processor made: its database, assets, key store and Redis prefix. */
  processing?: ProcessingEnv;
  /** The app's Redis connection (default: the test Redis as its default user). */
  redisUrl?: string;
  /** Extra routes (tests of the error handler). */
  extraRoutes?: (app: App) => void;
}

/** The real app against a throwaway database and a Redis prefix of its own. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { processing } = options;
  const t = processing?.t ?? options.database ?? (await createTestDatabase());
  const redis = createTestRedis(processing?.redisPrefix, options.redisUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-server-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const config = loadServerConfig({
    NODE_ENV: 'test',
    DATABASE_URL: t.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: redis.prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    URL_SIGNING_SECRET: randomBytes(32).toString('hex'),
    ASSETS_DIR: processing?.assetsDir ?? path.join(dir, 'assets'),
    IMPORTS_DIR: processing?.importsDir ?? path.join(dir, 'imports'),
    PRIVATE_DIR: path.join(dir, 'private'),
    WEB_DIST_DIR: path.join(dir, 'web-dist'),
    ...options.env,
  });
  const logger =
    options.logger ??
    createLogger({ name: 'server-test', level: process.env.TEST_LOG_LEVEL ?? 'silent', pretty: false });
  const masterKeyFile = path.join(dir, 'private', 'master.key');
  fs.mkdirSync(path.dirname(masterKeyFile));
  fs.writeFileSync(masterKeyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  const keyStore = options.keyStore ?? processing?.keyStore ?? (await openKeyStore({ db: t.db, masterKeyFile }));
  const app = await buildApp({ config, db: t.db, redis: redis.redis, keyStore, logger });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    t,
    redis,
    config,
    dir,
    close: async () => {
      await app.close();
      await redis.close();
      if (!options.database && !processing) await t.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
