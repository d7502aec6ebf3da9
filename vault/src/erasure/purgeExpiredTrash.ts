import type { Db } from '@keepsake/database';
import type { KeyStore } from '../keys/createKeyStore.js';
import { accessLogs } from '@keepsake/database';
import { trash } from '@keepsake/database';
import { eraseMedia, type ErasedItem } from './eraseMedia.js';

export interface PurgeDeps {
  db: Db;
  keyStore: KeyStore;
  /** TRASH_DAYS: how long an item waits in the trash before it is deleted for good. */
  trashDays: number;
}

/** The moment before which a trashed item has waited its TRASH_DAYS and is deleted for good. */
export function trashCutoff(trashDays: number, now = new Date()): Date {
  return new Date(now.getTime() - trashDays * 86_400_000);
}

/** The audit row of one item deleted for good; the row is gone, so its id lives in the details. */
export function deletedAuditDetails(item: ErasedItem, reason: string): Record<string, unknown> {
  return {
    media_id: item.id,
    name: item.original_name,
    type: item.type,
    size: item.size,
    uploaded_by: item.uploaded_by,
    keys_destroyed: item.keys,
    reason,
  };
}

/**
 * Items trashed more than `trashDays` ago are erased (keys first, see eraseMedia), each with an
 * audit row `media.delete` without a user. Their folders are removed by removeErasedFiles,
 * which the caller runs next (under the generations lock).
 */
export async function purgeExpiredTrash(
  { db, keyStore, trashDays }: PurgeDeps,
  now = new Date(),
): Promise<ErasedItem[]> {
  const cutoff = trashCutoff(trashDays, now);
  const erased: ErasedItem[] = [];
  for (;;) {
    const batch = await trash.listExpiredTrash(db, cutoff);
    const done: ErasedItem[] = [];
    // One at a time: each is its own transaction, and a purge is no hurry.
    for (const item of batch) {
      const gone = await eraseMedia(db, keyStore, item.id);
      if (gone) done.push(gone);
    }
    await accessLogs.insertAccessLogs(
      db,
      done.map((item) => ({
        action: 'media.delete',
        details: JSON.stringify(
          deletedAuditDetails(item, `in the trash for more than ${trashDays} ${trashDays === 1 ? 'day' : 'days'}`),
        ),
      })),
    );
    erased.push(...done);
    if (done.length === 0) return erased;
  }
}
