import { ROTATING_SUFFIX } from '@keepsake/contracts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { rotation, type Db, type KeyPurpose, type MediaFile } from '@keepsake/database';
import { type KeyStore } from '@keepsake/vault';
import { copyGeneration, type NewKeys } from './copyGeneration.js';
import { generationDirs, inGeneration, pathsInGeneration } from './generationPaths.js';

export interface RotateItemDeps {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
  graceHours: number;
}

/** The next generation's key: made once, so a rerun after a crash reuses it. */
async function keyFor(keyStore: KeyStore, mediaId: string, purpose: KeyPurpose, generation: number) {
  return (await keyStore.forMedia(mediaId, purpose, generation)) ?? keyStore.create(mediaId, purpose, generation);
}

/**
 * Moves one item to new keys: every file written again beside the old ones (in
 * g<n+1>, via a `.rotating` folder renamed into place), then one transaction switches
 * the item and schedules the old generation's removal. Until that commit the item is
 * on its old, intact generation; after it, on the complete new one.
 */
export async function rotateItem(
  deps: RotateItemDeps,
  item: MediaFile,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const from = item.generation;
  const to = from + 1;
  const oldDirs = generationDirs(item);
  const purposes: KeyPurpose[] = item.type === 'video' ? ['storage', 'hls'] : ['storage'];
  const abs = (relative: string) => path.join(deps.assetsDir, relative);
  const newDirs = oldDirs.map((dir) => inGeneration(dir, from, to));

  try {
    const keys: NewKeys = { storage: await keyFor(deps.keyStore, item.id, 'storage', to) };
    if (item.type === 'video') keys.hls = await keyFor(deps.keyStore, item.id, 'hls', to);
    const resolveOldKey = async (keyId: string) => (await deps.keyStore.get(keyId))?.key;

    for (const [index, dir] of oldDirs.entries()) {
      const target = abs(newDirs[index]!);
      const staging = `${target}${ROTATING_SUFFIX}`;
      // Leftovers of an interrupted run: nothing points at them yet.
      await fs.rm(staging, { recursive: true, force: true });
      await fs.rm(target, { recursive: true, force: true });
      await copyGeneration(abs(dir), staging, { mediaId: item.id, resolveOldKey, keys, onBytes });
      await fs.rename(staging, target);
    }

    const switched = await rotation.switchGeneration(deps.db, {
      mediaId: item.id,
      from,
      to,
      paths: pathsInGeneration(item, to),
      hlsKeyId: keys.hls?.id ?? null,
      storageKeyId: keys.storage.id,
      oldDirs,
      retireAfter: new Date(Date.now() + deps.graceHours * 3_600_000),
    });
    if (!switched) throw new Error(`item changed during rotation (no longer on generation ${from})`);
  } catch (error) {
    // Left on its old, working generation: drop only what this attempt made
    // (unless the switch did commit and only its answer was lost).
    const current = await deps.db
      .selectFrom('media_files')
      .select('generation')
      .where('id', '=', item.id)
      .executeTakeFirst();
    if (current?.generation === to) return;
    for (const dir of newDirs) {
      await fs.rm(`${abs(dir)}${ROTATING_SUFFIX}`, { recursive: true, force: true });
      await fs.rm(abs(dir), { recursive: true, force: true });
    }
    await rotation.deleteUnusedKeys(deps.db, item.id, to, purposes);
    throw error;
  }
}
