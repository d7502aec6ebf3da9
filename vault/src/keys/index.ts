export { MasterKeyError } from './MasterKeyError.js';
export { KeyIntegrityError } from './KeyIntegrityError.js';
export { loadMasterKey, MASTER_KEY_SIZE } from './loadMasterKey.js';
export { verifyMasterKey, masterKeyFingerprint } from './verifyMasterKey.js';
export {
  createKeyStore,
  KEY_SIZES,
  type ContentKey,
  type KeyStore,
  type KeyStoreOptions,
  type KeyExecutor,
} from './createKeyStore.js';
export { openKeyStore, type OpenKeyStoreOptions } from './openKeyStore.js';
export { storageKeyResolver } from './storageKeyResolver.js';
