export * from './config/index.js';
export { createDb, type Db, type DbOptions } from './db/createDb.js';
export type * from './db/schema.js';
export { migrateToLatest, type MigrationOutcome } from './migrations/migrate.js';
export { runCli, OperatorError } from './startup/runCli.js';
