import type { Db } from '@keepsake/database';
import { createKeyStore, type KeyStore, type KeyStoreOptions } from './createKeyStore.js';
import { loadMasterKey } from './loadMasterKey.js';
import { verifyMasterKey } from './verifyMasterKey.js';

export interface OpenKeyStoreOptions extends KeyStoreOptions {
  db: Db;
  masterKeyFile: string;
}

/**
 * The start-up path of every process that touches keys (server, processor, CLIs): loads the
 * master key and proves it belongs to this database, or stops with a MasterKeyError naming the file.
 */
export async function openKeyStore({ db, masterKeyFile, ...options }: OpenKeyStoreOptions): Promise<KeyStore> {
  const masterKey = await loadMasterKey(masterKeyFile);
  await verifyMasterKey(db, masterKey, masterKeyFile);
  return createKeyStore(db, masterKey, options);
}
