import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyPurpose } from '@keepsake/database';

const NONCE_SIZE = 12;
const TAG_SIZE = 16;

/** What a wrapped key is bound to: the row it belongs in. */
export interface KeyIdentity {
  id: string;
  mediaId: string;
  purpose: KeyPurpose;
  generation: number;
}

/**
 * The AAD ties a wrapped key to its row, so a wrapped key copied onto another row (another
 * item, purpose or generation) fails to unwrap instead of silently serving the wrong key.
 * UUIDs are lower-cased as PostgreSQL returns them.
 */
function aadFor({ id, mediaId, purpose, generation }: KeyIdentity): Buffer {
  return Buffer.from(
    ['keepsake content key v1', id.toLowerCase(), mediaId.toLowerCase(), purpose, String(generation)].join('\0'),
  );
}

/** nonce (12) || ciphertext || tag (16), AES-256-GCM under the master key. */
export function wrapKey(masterKey: Buffer, identity: KeyIdentity, key: Buffer): Buffer {
  const nonce = randomBytes(NONCE_SIZE);
  const cipher = createCipheriv('aes-256-gcm', masterKey, nonce, { authTagLength: TAG_SIZE });
  cipher.setAAD(aadFor(identity));
  return Buffer.concat([nonce, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
}

/** The key, or undefined when the master key or the row binding does not match. */
export function unwrapKey(masterKey: Buffer, identity: KeyIdentity, wrapped: Buffer): Buffer | undefined {
  if (wrapped.length < NONCE_SIZE + TAG_SIZE) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, NONCE_SIZE), {
    authTagLength: TAG_SIZE,
  });
  decipher.setAAD(aadFor(identity));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_SIZE));
  const key = decipher.update(wrapped.subarray(NONCE_SIZE, wrapped.length - TAG_SIZE));
  try {
    decipher.final();
  } catch {
    return undefined;
  }
  return key;
}
