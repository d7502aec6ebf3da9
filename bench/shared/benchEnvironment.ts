import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createDb, migrateToLatest } from '@keepsake/database';
import { createRedis, loadProcessorConfig } from '@keepsake/platform';
import { openKeyStore } from '@keepsake/vault';
import { createProcessor } from '@keepsake/processor';
import { databaseUrlFor, dropDatabase, withAdminClient } from '@keepsake/testkit';

/** A throwaway database, Redis prefix, key and folders for one measured run. */
export async function benchEnvironment(workers: number, logger = pino({ level: 'silent' })) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-run-'));
  const importsDir = path.join(root, 'imports');
  const assetsDir = path.join(root, 'assets');
  await fs.mkdir(importsDir);
  await fs.mkdir(assetsDir);
  const masterKeyFile = path.join(root, 'master.key');
  await fs.writeFile(masterKeyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  const dbName = `keepsake_bench_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${dbName}"`));
  const databaseUrl = databaseUrlFor(dbName);
  const db = createDb({ databaseUrl, maxConnections: workers * 2 + 4 });
  await migrateToLatest(db);
  const prefix = `bench:${randomUUID()}:`;
  const config = loadProcessorConfig({
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: prefix,
    IMPORTS_DIR: importsDir,
    ASSETS_DIR: assetsDir,
    PRIVATE_DIR: root,
    MASTER_ENCRYPTION_KEY_FILE: masterKeyFile,
    WORKERS: String(workers),
    KEEP_ORIGINALS: 'true',
    // A lone RAW goes straight on: the benchmark measures processing, not the wait for a JPEG.
    RAW_PAIR_WAIT_SECONDS: '0',
    LIVE_PAIR_WAIT_SECONDS: '0',
    LOG_LEVEL: 'silent',
  });
  const redis = createRedis({ redisUrl: config.redisUrl, prefix });
  const keyStore = await openKeyStore({ db, masterKeyFile });
  const processor = createProcessor({ config, db, redis, keyStore, logger });
  return {
    importsDir,
    assetsDir,
    db,
    keyStore,
    processor,
    async close() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys.map((k) => k.slice(prefix.length)));
      redis.disconnect();
      await db.destroy();
      await dropDatabase(dbName);
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
