import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Db } from '@keepsake/database';
import type { Database, EncryptionKey, KeyPurpose } from '@keepsake/database';
import { encryptionKeys } from '@keepsake/database';
import { isUuid } from '@keepsake/contracts';
import { KeyIntegrityError } from './KeyIntegrityError.js';
import { MASTER_KEY_SIZE } from './loadMasterKey.js';
import { unwrapKey, wrapKey } from './wrapKey.js';

/** HLS keys are AES-128 (what HLS players speak); storage keys are AES-256 (the sealed format). */
export const KEY_SIZES: Readonly<Record<KeyPurpose, number>> = { hls: 16, storage: 32 };

export interface ContentKey {
  id: string;
  mediaId: string;
  purpose: KeyPurpose;
  generation: number;
  key: Buffer;
  /** Set once rotation's cleanup removed this generation's files: the key is no longer handed out. */
  retiredAt: Date | null;
}

export type KeyExecutor = Db | Transaction<Database>;

export interface KeyStore {
  /** A new random key, wrapped under the master key and stored (in the caller's transaction if given). */
  create(mediaId: string, purpose: KeyPurpose, generation: number, executor?: KeyExecutor): Promise<ContentKey>;
  /** The unwrapped key, or undefined when there is no such key. Cached: every HLS key request asks. */
  get(keyId: string): Promise<ContentKey | undefined>;
  forMedia(mediaId: string, purpose: KeyPurpose, generation: number): Promise<ContentKey | undefined>;
  /** Marks keys retired (rotation's cleanup, once their files are gone); get() then reports retiredAt. */
  retire(keyIds: readonly string[], executor?: KeyExecutor): Promise<void>;
  /**
   * Destroys every key of an item, all generations (delete forever), in the caller's transaction
   * if given; returns how many. This process forgets them at once, other processes' caches within
   * their TTL.
   */
  destroyAll(mediaId: string, executor?: KeyExecutor): Promise<number>;
}

export interface KeyStoreOptions {
  /** Unwrapped keys kept in memory (default 1024). */
  cacheSize?: number;
  /** How long an unwrapped key stays cached (default 10 minutes), bounding how long a deleted key lingers. */
  cacheTtlMs?: number;
}

/** The key store over an already verified master key; processes start through openKeyStore. */
export function createKeyStore(db: Db, masterKey: Buffer, options: KeyStoreOptions = {}): KeyStore {
  if (masterKey.length !== MASTER_KEY_SIZE) throw new TypeError(`The master key must be ${MASTER_KEY_SIZE} bytes`);
  const master = Buffer.from(masterKey);

  const unwrapRow = (row: EncryptionKey): ContentKey => {
    const identity = { id: row.id, mediaId: row.media_id, purpose: row.purpose, generation: row.generation };
    const key = unwrapKey(master, identity, row.wrapped_key);
    if (!key || key.length !== KEY_SIZES[row.purpose]) throw new KeyIntegrityError(row.id);
    return { ...identity, key, retiredAt: row.retired_at };
  };

  const cache = new LRUCache<string, ContentKey>({
    max: options.cacheSize ?? 1024,
    ttl: options.cacheTtlMs ?? 10 * 60_000,
    // Concurrent requests for one key share one query.
    fetchMethod: async (keyId) => {
      const row = await encryptionKeys.findEncryptionKeyById(db, keyId);
      return row ? unwrapRow(row) : undefined;
    },
  });

  // Callers get their own copy of the key bytes: one that wipes or edits its buffer cannot corrupt the cache.
  const copy = (key: ContentKey | undefined): ContentKey | undefined => key && { ...key, key: Buffer.from(key.key) };

  return {
    async create(mediaId, purpose, generation, executor = db) {
      if (!isUuid(mediaId)) throw new TypeError(`Media id must be a UUID, got ${JSON.stringify(mediaId)}`);
      if (!Object.hasOwn(KEY_SIZES, purpose)) throw new TypeError(`Unknown key purpose ${JSON.stringify(purpose)}`);
      if (!(Number.isInteger(generation) && generation >= 1))
        throw new RangeError(`Key generation must be an integer from 1, got ${generation}`);
      const identity = { id: randomUUID(), mediaId: mediaId.toLowerCase(), purpose, generation };
      const key = randomBytes(KEY_SIZES[purpose]);
      await encryptionKeys.insertEncryptionKey(executor, { ...identity, wrappedKey: wrapKey(master, identity, key) });
      // Not cached here: the caller's transaction may still roll back.
      return { ...identity, key, retiredAt: null };
    },

    async get(keyId) {
      // Key ids arrive from URLs; anything but a UUID cannot be one (and must not reach the query).
      if (!isUuid(keyId)) return undefined;
      return copy(await cache.fetch(keyId.toLowerCase()));
    },

    async forMedia(mediaId, purpose, generation) {
      if (!isUuid(mediaId)) return undefined;
      const row = await encryptionKeys.findEncryptionKeyForMedia(db, mediaId, purpose, generation);
      if (!row) return undefined;
      const cached = cache.get(row.id);
      if (cached) return copy(cached);
      const key = unwrapRow(row);
      cache.set(row.id, key);
      return copy(key);
    },

    async retire(keyIds, executor = db) {
      await encryptionKeys.retireEncryptionKeys(executor, keyIds);
      // Seen at once by this process; other processes' caches catch up within their TTL.
      for (const id of keyIds) cache.delete(id.toLowerCase());
    },

    async destroyAll(mediaId, executor = db) {
      if (!isUuid(mediaId)) throw new TypeError(`Media id must be a UUID, got ${JSON.stringify(mediaId)}`);
      const ids = await encryptionKeys.deleteMediaKeys(executor, mediaId.toLowerCase());
      for (const id of ids) cache.delete(id);
      return ids.length;
    },
  };
}
