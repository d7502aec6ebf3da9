import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { parseAssetPath } from '@keepsake/contracts';
import { createRedis, loadProcessorConfig, type ProcessorConfig, type Redis } from '@keepsake/platform';
import { openKeyStore, bindingFor, openSealedFile, storageKeyResolver, type KeyStore } from '@keepsake/vault';
import { createProcessor, type Processor, type ProcessorDeps } from '@keepsake/processor';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

export interface ProcessingEnvOptions {
  workers?: number;
  keepOriginals?: boolean;
  jobTimeoutMinutes?: number;
  /** More environment for the processor (child processes get it too). */
  env?: Record<string, string>;
}

export interface ProcessingEnv {
  root: string;
  importsDir: string;
  assetsDir: string;
  privateDir: string;
  t: TestDatabase;
  redis: Redis;
  redisPrefix: string;
  keyStore: KeyStore;
  config: ProcessorConfig;
  /** The environment a `npm run process` child process needs to use this same setup. */
  env: Record<string, string>;
  /** A processor in this process; short leases and retries so tests do not wait. */
  processor(overrides?: Partial<ProcessorDeps>): Processor;
  /** Decrypts a sealed file under assets/ (path relative to ASSETS_DIR, as media_files stores it). */
  openSealed(relativePath: string): Promise<Buffer>;
  /** Reads a plain file under assets/ (playlists). */
  openFile(relativePath: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A whole processing setup for one test file: its own database, Redis prefix, master key,
 * imports/ and assets/ folders. The server's and end-to-end tests use it to make real media.
 */
export async function createProcessingEnv(options: ProcessingEnvOptions = {}): Promise<ProcessingEnv> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-processing-'));
  const importsDir = path.join(root, 'imports');
  const assetsDir = path.join(root, 'assets');
  const privateDir = path.join(root, 'private');
  await Promise.all([importsDir, assetsDir, privateDir].map((dir) => fs.mkdir(dir, { recursive: true })));
  const masterKeyFile = path.join(privateDir, 'master.key');
  await fs.writeFile(masterKeyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });

  const t = await createTestDatabase();
  const redisPrefix = `test:${randomUUID()}:`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: t.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: redisPrefix,
    IMPORTS_DIR: importsDir,
    ASSETS_DIR: assetsDir,
    PRIVATE_DIR: privateDir,
    MASTER_ENCRYPTION_KEY_FILE: masterKeyFile,
    WORKERS: String(options.workers ?? 2),
    KEEP_ORIGINALS: String(options.keepOriginals ?? true),
    JOB_TIMEOUT_MINUTES: String(options.jobTimeoutMinutes ?? 5),
    // A RAW alone does not wait for a JPEG that will never come (pairing tests set their own).
    RAW_PAIR_WAIT_SECONDS: '0',
    LIVE_PAIR_WAIT_SECONDS: '0',
    ...options.env,
  };
  const config = loadProcessorConfig(env);
  const redis = createRedis({ redisUrl: config.redisUrl, prefix: redisPrefix });
  const keyStore = await openKeyStore({ db: t.db, masterKeyFile });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

  return {
    root,
    importsDir,
    assetsDir,
    privateDir,
    t,
    redis,
    redisPrefix,
    keyStore,
    config,
    env,
    processor: (overrides = {}) =>
      createProcessor({
        config,
        db: t.db,
        redis,
        keyStore,
        logger,
        leaseSeconds: 10,
        retryBaseSeconds: 0.2,
        stableMs: 300,
        ...overrides,
      }),
    openSealed: (relativePath) => {
      // Each sealed file is bound to its item and name.
      const mediaId = parseAssetPath(relativePath)!.mediaId;
      return openSealedFile(path.join(assetsDir, relativePath), storageKeyResolver(keyStore), {
        binding: bindingFor(mediaId, path.basename(relativePath)),
      });
    },
    openFile: (relativePath) => fs.readFile(path.join(assetsDir, relativePath), 'utf8'),
    async close() {
      const keys = await redis.keys(`${redisPrefix}*`);
      // ioredis adds the prefix to commands, so strip it from what KEYS returned.
      if (keys.length > 0) await redis.del(...keys.map((key) => key.slice(redisPrefix.length)));
      redis.disconnect();
      await t.drop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
