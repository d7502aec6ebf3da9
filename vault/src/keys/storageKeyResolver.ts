import type { KeyResolver } from '../sealed/types.js';
import type { KeyStore } from './createKeyStore.js';

/**
 * The resolver for opening sealed files: only storage keys resolve, so a file that names an
 * HLS key id (or any other) reads as WRONG_KEY rather than being tried with a 16-byte key.
 */
export function storageKeyResolver(store: KeyStore): KeyResolver {
  return async (keyId) => {
    const key = await store.get(keyId);
    return key?.purpose === 'storage' ? key.key : undefined;
  };
}
