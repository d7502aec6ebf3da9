import fs from 'node:fs/promises';
import path from 'node:path';
import { rotation, type Db, type MediaFile } from '@keepsake/database';
import { generationDirs } from './generationPaths.js';

export interface RotationPlan {
  /** The interrupted run this one continues (its record and its cutoff), if any. */
  resumesRunId: number | undefined;
  items: MediaFile[];
  /** Bytes on disk of each item's current generation, in the order of `items`. */
  sizes: number[];
  bytesTotal: number;
}

/**
 * Every completed item whose keys predate the cutoff: the start of this run, or of the
 * interrupted one it continues, so a rerun picks up exactly what that run had left.
 * An `--only` run never continues another.
 */
export async function planRotation(deps: { db: Db; assetsDir: string }, only?: string): Promise<RotationPlan> {
  const unfinished = only ? undefined : await rotation.findUnfinishedRun(deps.db);
  const cutoff = unfinished?.started_at ?? new Date();
  const items = await rotation.listItemsToRotate(deps.db, cutoff, only);
  const sizes = await Promise.all(items.map((item) => itemSize(deps.assetsDir, item)));
  return { resumesRunId: unfinished?.id, items, sizes, bytesTotal: sizes.reduce((a, b) => a + b, 0) };
}

async function itemSize(assetsDir: string, item: MediaFile): Promise<number> {
  let total = 0;
  for (const dir of generationDirs(item)) total += await folderSize(path.join(assetsDir, dir));
  return total;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
