import type { Db, Logger, Redis, ServerConfig } from '@keepsake/database';
import type { KeyStore } from '@keepsake/database';

/** Everything the app needs from outside; tests hand in real connections to a throwaway database. */
export interface AppDeps {
  config: ServerConfig;
  db: Db;
  redis: Redis;
  keyStore: KeyStore;
  logger: Logger;
}
