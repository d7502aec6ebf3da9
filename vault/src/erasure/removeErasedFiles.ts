import fs from 'node:fs/promises';
import path from 'node:path';
import { assetKinds } from '@keepsake/contracts';
import type { Db } from '@keepsake/database';
import { ifGenerationsFree } from '@keepsake/database';

/**
 * Delete forever, step two: the folders of erased items (every generation, half-written rotation
 * folders, the sealed original) leave the disk, then their `erased_media` entry. Repeating it is
 * harmless, so a crash between erasure and removal is finished by the next pass. Returns the ids
 * whose folders are gone.
 */
export async function removeErasedFiles(db: Db, assetsDir: string): Promise<string[]> {
  const pending = await db.selectFrom('erased_media').select('media_id').orderBy('erased_at').execute();
  const removed: string[] = [];
  for (const { media_id } of pending) {
    for (const kind of assetKinds) {
      await fs.rm(path.join(assetsDir, kind, media_id), { recursive: true, force: true });
    }
    await db.deleteFrom('erased_media').where('media_id', '=', media_id).execute();
    removed.push(media_id);
  }
  return removed;
}

/**
 * removeErasedFiles under the generations lock, or undefined when a rotation or a cleanup pass
 * holds it (the processor's pass removes them then: it runs at the end of every rotation too).
 */
export async function removeErasedFilesWhenFree(db: Db, assetsDir: string): Promise<string[] | undefined> {
  return ifGenerationsFree(db, () => removeErasedFiles(db, assetsDir));
}
