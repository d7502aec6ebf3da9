/**
 * The API in a process of its own for the benchmark (so the load generator does not share its
 * event loop), configured from the environment run.ts prepared; prints its port.
 */
import { createDb } from '@keepsake/database';
import { createLogger, createRedis, loadServerConfig } from '@keepsake/platform';
import { openKeyStore } from '@keepsake/vault';
import { buildApp } from '@keepsake/server';

const config = loadServerConfig();
const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 20 });
const redis = createRedis({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
const keyStore = await openKeyStore({ db, masterKeyFile: config.masterKeyFile });
const logger = createLogger({ name: 'bench-api', level: 'warn', pretty: false });
const app = await buildApp({ config, db, redis, keyStore, logger });
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`);
process.on('SIGTERM', () => {
  void app.close().then(async () => {
    await db.destroy();
    redis.disconnect();
    process.exit(0);
  });
});
