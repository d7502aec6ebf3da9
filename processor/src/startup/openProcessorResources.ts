import { createDb, type Db } from '@keepsake/database';
import { createLogger, createRedis, type Logger, type ProcessorConfig, type Redis } from '@keepsake/platform';
import { openKeyStore, type KeyStore } from '@keepsake/vault';

export interface ProcessorResources {
  db: Db;
  redis: Redis;
  keyStore: KeyStore;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * What a processor process needs, opened from its config. The master key is checked here, so
 * a wrong or missing key stops the start with a message naming the file (MasterKeyError).
 * Migrations are not run: that is `npm run migrate`.
 */
export async function openProcessorResources(
  config: ProcessorConfig,
  options: { name?: string; logger?: Logger } = {},
): Promise<ProcessorResources> {
  const name = options.name ?? 'processor';
  const logger = options.logger ?? createLogger({ name, level: config.logLevel, pretty: config.logPretty });
  const db = createDb({
    databaseUrl: config.databaseUrl,
    maxConnections: config.workers * 2 + 4,
    applicationName: `keepsake-${name}`,
  });
  const redis = createRedis({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  try {
    const keyStore = await openKeyStore({ db, masterKeyFile: config.masterKeyFile });
    return {
      db,
      redis,
      keyStore,
      logger,
      async close() {
        redis.disconnect();
        await db.destroy();
      },
    };
  } catch (error) {
    redis.disconnect();
    await db.destroy();
    throw error;
  }
}
