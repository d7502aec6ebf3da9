import type { Db } from '@keepsake/database';
import type { MediaType } from '@keepsake/database';
import type { KeyStore } from '../keys/createKeyStore.js';

/** What the audit row keeps of an item deleted for good (the row itself is gone). */
export interface ErasedItem {
  id: string;
  original_name: string;
  type: MediaType | null;
  size: number;
  uploaded_by: string | null;
  /** Wrapped keys destroyed, all generations and purposes. */
  keys: number;
}

/**
 * Delete forever, step one, cryptographic erasure: in one transaction every wrapped key of the
 * item (all generations) is destroyed, the item's row goes (favourites, album entries, playback
 * positions and retired generations with it) and `erased_media` notes that its folders are still
 * to be removed. From the commit on, no copy of its sealed files or segments anywhere can be
 * opened, whatever happens to the files. Only a trashed item is erased; undefined otherwise.
 */
export async function eraseMedia(db: Db, keyStore: KeyStore, mediaId: string): Promise<ErasedItem | undefined> {
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('media_files')
      .select(['id', 'original_name', 'type', 'size', 'uploaded_by'])
      .where('id', '=', mediaId)
      .where('status', '=', 'trashed')
      .forUpdate()
      .executeTakeFirst();
    if (!item) return undefined;
    await trx
      .insertInto('erased_media')
      .values({ media_id: item.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const keys = await keyStore.destroyAll(item.id, trx);
    await trx.deleteFrom('media_files').where('id', '=', item.id).execute();
    return { ...item, size: Number(item.size), keys };
  });
}
