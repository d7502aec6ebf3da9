export * from './config/index.js';
export { createDb, type Db, type DbOptions } from './db/createDb.js';
export type * from './db/schema.js';
export { migrateToLatest, type MigrationOutcome } from './migrations/migrate.js';
export { runCli, OperatorError } from './startup/runCli.js';
export {
  createLogger,
  loggerOptions,
  redactedPaths,
  type Logger,
  type LoggerSettings,
} from './logging/createLogger.js';
export { createRedis, channelName, type Redis, type RedisOptions } from './redis/createRedis.js';
export * from './queries/queue/index.js';
export * from './queries/media/index.js';
