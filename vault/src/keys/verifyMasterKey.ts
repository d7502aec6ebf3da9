import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '@keepsake/database';
import { encryptionKeys } from '@keepsake/database';
import { masterKeyCheck } from '@keepsake/database';
import { MASTER_KEY_SIZE } from './loadMasterKey.js';
import { MasterKeyError } from './MasterKeyError.js';
import { unwrapKey } from './wrapKey.js';

/** Keys tried when no fingerprint is recorded yet: one damaged row must not condemn a good master key. */
const SAMPLE_KEYS = 5;

export function masterKeyFingerprint(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('keepsake master key check').digest('hex');
}

function sameFingerprint(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function wrongKey(file: string): MasterKeyError {
  return new MasterKeyError(
    file,
    `Master key file ${file} is not the key this data was encrypted with, so nothing could be decrypted. ` +
      'Restore it from backup (or point MASTER_ENCRYPTION_KEY_FILE at the right file); do not replace it with a new key.',
  );
}

/**
 * Proves the master key belongs to this database before anything is encrypted or decrypted,
 * so a wrong key stops the process at start instead of making new keys nobody can pair with
 * the old ones. The first start records a fingerprint (HMAC of a fixed text under the key);
 * a database that has keys but no fingerprint (made before the check existed, or restored
 * without it) is checked by unwrapping some of its keys.
 */
export async function verifyMasterKey(db: Db, masterKey: Buffer, file: string): Promise<void> {
  if (masterKey.length !== MASTER_KEY_SIZE)
    throw new MasterKeyError(file, `Master key file ${file} does not hold a ${MASTER_KEY_SIZE}-byte key.`);
  const fingerprint = masterKeyFingerprint(masterKey);
  const recorded = await masterKeyCheck.findMasterKeyFingerprint(db);
  if (recorded !== undefined) {
    if (!sameFingerprint(recorded, fingerprint)) throw wrongKey(file);
    return;
  }

  const samples = await encryptionKeys.findRecentEncryptionKeys(db, SAMPLE_KEYS);
  const unwraps = (row: (typeof samples)[number]) =>
    unwrapKey(
      masterKey,
      { id: row.id, mediaId: row.media_id, purpose: row.purpose, generation: row.generation },
      row.wrapped_key,
    ) !== undefined;
  if (samples.length > 0 && !samples.some(unwraps)) throw wrongKey(file);

  await masterKeyCheck.recordMasterKeyFingerprint(db, fingerprint);
  // Another process may have recorded its own key first.
  const winner = await masterKeyCheck.findMasterKeyFingerprint(db);
  if (winner === undefined || !sameFingerprint(winner, fingerprint)) throw wrongKey(file);
}
