import { createCipheriv, createDecipheriv } from 'node:crypto';
import { TAG_SIZE } from './layout.js';

const ALGORITHM = 'aes-256-gcm';

/** The 12-byte nonce is the chunk index, big-endian: unique per chunk under a per-file subkey. */
function nonceFor(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 6, 6);
  return nonce;
}

/**
 * AAD = header || chunk index (8 bytes) || final flag (1 byte): a chunk only authenticates
 * under its own file's exact header, at its own position, and as last chunk only if it was
 * written as the last one.
 */
function aadFor(header: Buffer, index: number, final: boolean): Buffer {
  const aad = Buffer.allocUnsafe(header.length + 9);
  header.copy(aad, 0);
  aad.writeUIntBE(0, header.length, 2);
  aad.writeUIntBE(index, header.length + 2, 6);
  aad[header.length + 8] = final ? 1 : 0;
  return aad;
}

/** Encrypts one chunk given as one or more pieces; returns ciphertext pieces followed by the tag. */
export function sealChunk(fileKey: Buffer, header: Buffer, index: number, final: boolean, pieces: Buffer[]): Buffer[] {
  const cipher = createCipheriv(ALGORITHM, fileKey, nonceFor(index), { authTagLength: TAG_SIZE });
  cipher.setAAD(aadFor(header, index, final));
  const out = pieces.map((piece) => cipher.update(piece));
  cipher.final();
  out.push(cipher.getAuthTag());
  return out;
}

/** The chunk's plaintext, or undefined when it does not authenticate as (index, final). */
export function openChunk(
  fileKey: Buffer,
  header: Buffer,
  index: number,
  final: boolean,
  sealed: Buffer,
): Buffer | undefined {
  const decipher = createDecipheriv(ALGORITHM, fileKey, nonceFor(index), { authTagLength: TAG_SIZE });
  decipher.setAAD(aadFor(header, index, final));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE));
  try {
    decipher.final();
  } catch {
    return undefined;
  }
  return plain;
}
