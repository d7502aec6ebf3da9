import fs from 'node:fs/promises';
import path from 'node:path';
import { assetKinds, generationFolderPattern } from '@keepsake/contracts';
import { rotation, type Db } from '@keepsake/database';
import { removeErasedFiles, type KeyStore } from '@keepsake/vault';

export interface CleanupDeps {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
}

export interface CleanupOutcome {
  removedGenerations: number;
  removedOrphans: string[];
  /** Items deleted for good whose folders were still on disk (their keys were already gone). */
  removedErased: string[];
}

/**
 * Old generations whose grace period is over: files removed, keys retired (so the server stops
 * handing them out), then marked done. Each step can be repeated, so a crash in between is harmless.
 */
async function removeDueGenerations({ db, keyStore, assetsDir }: CleanupDeps, now: Date): Promise<number> {
  const due = await rotation.dueRetiredGenerations(db, now);
  for (const old of due) {
    for (const dir of old.asset_dirs) await fs.rm(path.join(assetsDir, dir), { recursive: true, force: true });
    await keyStore.retire(await rotation.keyIdsOfGeneration(db, old.media_id, old.generation));
    await rotation.markGenerationRemoved(db, old.media_id, old.generation);
  }
  return due.length;
}

/**
 * Generation folders of known items that nothing points at: what a rotation killed
 * between writing and switching left behind. Folders of items the database does not
 * know are the processor's (a publish in progress) and are left alone.
 */
async function removeOrphans({ db, assetsDir }: CleanupDeps): Promise<string[]> {
  const live = new Map<string, Set<number>>();
  for (const { media_id, generation } of await rotation.liveGenerations(db)) {
    if (!live.has(media_id)) live.set(media_id, new Set());
    live.get(media_id)!.add(generation);
  }
  const removed: string[] = [];
  for (const kind of assetKinds) {
    const kindDir = path.join(assetsDir, kind);
    const items = await fs.readdir(kindDir).catch(() => [] as string[]);
    for (const mediaId of items) {
      const generations = live.get(mediaId);
      if (!generations) continue;
      for (const name of await fs.readdir(path.join(kindDir, mediaId))) {
        const match = generationFolderPattern.exec(name);
        if (!match || (generations.has(Number(match[1])) && !match[2])) continue;
        await fs.rm(path.join(kindDir, mediaId, name), { recursive: true, force: true });
        removed.push(path.join(kind, mediaId, name));
      }
    }
  }
  return removed;
}

/**
 * The grace-period cleanup pass; safe to run at any time, and run by every rotation. It also
 * removes the folders of items deleted for good (a server that cannot write ASSETS_DIR, or a
 * crash after the erasure, leaves them to it).
 */
export async function cleanupGenerations(deps: CleanupDeps, now = new Date()): Promise<CleanupOutcome> {
  return {
    removedGenerations: await removeDueGenerations(deps, now),
    removedOrphans: await removeOrphans(deps),
    removedErased: await removeErasedFiles(deps.db, deps.assetsDir),
  };
}
