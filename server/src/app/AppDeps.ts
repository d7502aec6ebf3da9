import type { Db } from '@keepsake/database';
import type { Logger, Redis, ServerConfig } from '@keepsake/platform';
import type { KeyStore } from '@keepsake/vault';

/** Everything the app needs from outside; tests hand in real connections to a throwaway database. */
export interface AppDeps {
  config: ServerConfig;
  db: Db;
  redis: Redis;
  keyStore: KeyStore;
  logger: Logger;
}
