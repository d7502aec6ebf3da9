import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createDb } from '@keepsake/database';
import { createLogger, loadServerConfig } from '@keepsake/platform';
import { createKeyStore } from '@keepsake/vault';
import { buildApp } from '../app/buildApp.js';

/**
 * The server's OpenAPI document, as GET /api/docs/json serves it, without a running install:
 * the document follows from the routes' schemas alone, so the app is built on connections
 * that are never opened (pg and ioredis connect lazily) and closed again before any request.
 */
export async function describeApi(): Promise<Record<string, unknown>> {
  const scratch = path.join(os.tmpdir(), 'keepsake-openapi');
  const config = loadServerConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://127.0.0.1:1/keepsake_openapi',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    URL_SIGNING_SECRET: randomBytes(32).toString('hex'),
    ASSETS_DIR: path.join(scratch, 'assets'),
    IMPORTS_DIR: path.join(scratch, 'imports'),
    PRIVATE_DIR: path.join(scratch, 'private'),
    WEB_DIST_DIR: path.join(scratch, 'web-dist'),
  });
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 1 });
  const redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false });
  const logger = createLogger({ name: 'openapi', level: 'silent', pretty: false });
  try {
    const app = await buildApp({ config, db, redis, keyStore: createKeyStore(db, randomBytes(32)), logger });
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await db.destroy();
    redis.disconnect();
  }
}
