import type { FileStore } from '@tus/file-store';

/**
 * Bytes already promised to uploads in progress: each one's declared size less what has
 * arrived. Read from the partial folder (tus's `<id>.json` beside each data file), so it
 * counts the uploads of every server process and of before a restart; one that finished, was
 * given up or was swept after 24 h still is no longer there.
 */
export async function promisedUploadBytes(store: FileStore): Promise<number> {
  let promised = 0;
  for (const id of await store.configstore.list!()) {
    // Finished or removed between the listing and now: nothing promised.
    const upload = await store.getUpload(id).catch(() => null);
    if (upload?.size !== undefined) promised += Math.max(0, upload.size - upload.offset);
  }
  return promised;
}
