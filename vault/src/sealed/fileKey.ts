import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { KEY_CHECK_SIZE, UNBOUND_FORMAT_VERSION } from './header.js';

export const STORAGE_KEY_SIZE = 32;
const UNBOUND_SUBKEY_INFO = Buffer.from('keepsake sealed file v1 chunk key');
const BOUND_SUBKEY_INFO = Buffer.from('keepsake sealed file v2 chunk key\0');
const KEY_CHECK_MESSAGE = Buffer.from('keepsake sealed file v1 key check');

/**
 * Each file is encrypted under its own subkey, derived from the storage key and the file's
 * random salt, so chunk nonces (chunk indexes) never repeat under one AES key even when
 * the same storage key seals many files or the same file twice.
 *
 * From version 2 the subkey also depends on the file's binding (which item and which file of
 * it, e.g. `item:<id>/thumb.webp.sealed`): one storage key seals all of an item's files, so
 * without it a thumbnail moved over the full image, or the image over the original, would
 * open as if it belonged there. A version 1 file has no binding and opens wherever it lies.
 */
export function deriveFileKey(storageKey: Buffer, salt: Buffer, version: number, binding: string): Buffer {
  const info =
    version === UNBOUND_FORMAT_VERSION
      ? UNBOUND_SUBKEY_INFO
      : Buffer.concat([BOUND_SUBKEY_INFO, Buffer.from(binding, 'utf8')]);
  return Buffer.from(hkdfSync('sha256', storageKey, salt, info, 32));
}

/**
 * A per-key check value stored in the header. AES-GCM does not commit to its key, so without
 * this a wrong key and an altered file would fail the same way; with it, the key is proven
 * (or refuted) before any chunk is tried. It depends only on the key, never on other header
 * fields, so an altered salt or chunk size still reads as TAMPERED, not as WRONG_KEY.
 */
export function keyCheckFor(storageKey: Buffer): Buffer {
  return createHmac('sha256', storageKey).update(KEY_CHECK_MESSAGE).digest().subarray(0, KEY_CHECK_SIZE);
}

export function keyMatchesCheck(storageKey: Buffer, check: Buffer): boolean {
  return storageKey.length === STORAGE_KEY_SIZE && timingSafeEqual(keyCheckFor(storageKey), check);
}
