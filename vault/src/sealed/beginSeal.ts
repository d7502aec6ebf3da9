import { randomBytes } from 'node:crypto';
import { deriveFileKey, keyCheckFor, STORAGE_KEY_SIZE } from './fileKey.js';
import {
  DEFAULT_CHUNK_SIZE,
  encodeHeader,
  FORMAT_VERSION,
  isValidChunkSize,
  MAX_CHUNK_SIZE,
  SALT_SIZE,
} from './header.js';
import type { SealingKey, SealOptions } from './types.js';
import { isUuid } from '@keepsake/contracts';

export interface Sealing {
  header: Buffer;
  fileKey: Buffer;
  chunkSize: number;
  plainSize: number | undefined;
}

/** Checks the writer's inputs and makes a fresh header (new salt) and file subkey. */
export function beginSeal(key: SealingKey, options: SealOptions = {}): Sealing {
  if (!isUuid(key.id)) throw new TypeError(`Sealing key id must be a UUID, got ${JSON.stringify(key.id)}`);
  if (key.key.length !== STORAGE_KEY_SIZE)
    throw new TypeError(`Sealing key ${key.id} is ${key.key.length} bytes; a storage key is ${STORAGE_KEY_SIZE}`);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!isValidChunkSize(chunkSize)) throw new RangeError(`chunkSize must be an integer from 1 to ${MAX_CHUNK_SIZE}`);
  const { plainSize } = options;
  if (plainSize !== undefined && !(Number.isSafeInteger(plainSize) && plainSize >= 0))
    throw new RangeError(`plainSize must be a non-negative integer, got ${plainSize}`);

  const salt = randomBytes(SALT_SIZE);
  const header = encodeHeader({ chunkSize, plainSize, keyId: key.id, salt, keyCheck: keyCheckFor(key.key) });
  return { header, fileKey: deriveFileKey(key.key, salt, FORMAT_VERSION, options.binding ?? ''), chunkSize, plainSize };
}
