import closeWithGrace from 'close-with-grace';
import { createDb, migrateToLatest } from '@keepsake/database';
import { createLogger, createRedis, loadServerConfig, runCli, warnIgnoredSettings } from '@keepsake/platform';
import { openKeyStore } from '@keepsake/vault';
import { buildApp } from './app/buildApp.js';
import { announceFirstRun } from './setup/announceFirstRun.js';

/**
 * `npm run start:server`: the API on HOST:PORT. Stops gracefully on SIGINT/SIGTERM: no new
 * requests, in-flight ones finish, the audit log is written out, then connections close.
 */
runCli(async () => {
  const config = loadServerConfig();
  const logger = createLogger({ name: 'keepsake-server', level: config.logLevel, pretty: config.logPretty });
  warnIgnoredSettings(logger, process.env);
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 20, applicationName: 'keepsake-server' });
  const redis = createRedis({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis'));
  try {
    const { applied } = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const keyStore = await openKeyStore({ db, masterKeyFile: config.masterKeyFile });
    const app = await buildApp({ config, db, redis, keyStore, logger });

    closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
      if (err) logger.error({ err }, 'stopping after an unexpected error');
      else logger.info({ signal }, 'stopping');
      await app.close();
      await db.destroy();
      redis.disconnect();
    });
    await app.listen({ host: config.host, port: config.port });
    await announceFirstRun(app);
  } catch (error) {
    await db.destroy();
    redis.disconnect();
    throw error;
  }
});
