import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { KEY_CHECK_SIZE } from './header.js';

export const STORAGE_KEY_SIZE = 32;
const SUBKEY_INFO = Buffer.from('keepsake sealed file v1 chunk key');
const KEY_CHECK_MESSAGE = Buffer.from('keepsake sealed file v1 key check');

/**
 * Each file is encrypted under its own subkey, derived from the storage key and the file's
 * random salt, so chunk nonces (chunk indexes) never repeat under one AES key even when
 * the same storage key seals many files or the same file twice.
 */
export function deriveFileKey(storageKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', storageKey, salt, SUBKEY_INFO, 32));
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
