import type { Kysely } from 'kysely';
import type { Database, EncryptionKey, KeyPurpose } from '../db/schema.js';

/** A pool or a transaction: key rows are written inside the caller's publish transaction. */
type Executor = Kysely<Database>;

export interface NewWrappedKey {
  id: string;
  mediaId: string;
  purpose: KeyPurpose;
  generation: number;
  wrappedKey: Buffer;
}

export async function insertEncryptionKey(db: Executor, key: NewWrappedKey): Promise<void> {
  await db
    .insertInto('encryption_keys')
    .values({
      id: key.id,
      media_id: key.mediaId,
      purpose: key.purpose,
      generation: key.generation,
      wrapped_key: key.wrappedKey,
    })
    .execute();
}

export async function findEncryptionKeyById(db: Executor, id: string): Promise<EncryptionKey | undefined> {
  return db.selectFrom('encryption_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEncryptionKeyForMedia(
  db: Executor,
  mediaId: string,
  purpose: KeyPurpose,
  generation: number,
): Promise<EncryptionKey | undefined> {
  return db
    .selectFrom('encryption_keys')
    .selectAll()
    .where('media_id', '=', mediaId)
    .where('purpose', '=', purpose)
    .where('generation', '=', generation)
    .executeTakeFirst();
}

/** The most recently made keys: samples to test a master key against when no fingerprint is recorded. */
export async function findRecentEncryptionKeys(db: Executor, limit: number): Promise<EncryptionKey[]> {
  return db.selectFrom('encryption_keys').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

/** Marks keys retired (kept readable: files sealed with them may still be in their grace period). */
export async function retireEncryptionKeys(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('encryption_keys')
    .set({ retired_at: new Date() })
    .where('id', 'in', ids)
    .where('retired_at', 'is', null)
    .execute();
}

/**
 * Destroys every key of an item, all generations and purposes (cryptographic erasure): the ids
 * that were deleted, so caches can drop them.
 */
export async function deleteMediaKeys(db: Executor, mediaId: string): Promise<string[]> {
  const rows = await db.deleteFrom('encryption_keys').where('media_id', '=', mediaId).returning('id').execute();
  return rows.map((row) => row.id);
}
