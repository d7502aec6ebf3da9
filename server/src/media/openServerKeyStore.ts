import type { Db } from '@keepsake/database';
import type { KeyStore } from './keyStore.js';

/** The key store over the master key (placeholder until database/src/keys lands). */
export async function openServerKeyStore(_db: Db, _masterKeyFile: string): Promise<KeyStore> {
  return { get: async () => undefined };
}
