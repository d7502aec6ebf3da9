import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { rotation, type Db, type KeyStore, type Logger, type MediaFile } from '@keepsake/database';
import { cleanupGenerations, type CleanupOutcome } from './cleanupGenerations.js';
import { generationDirs } from './generationPaths.js';
import { rotateItem } from './rotateItem.js';
import { withRotationLock } from './rotationLock.js';

export interface RotateKeysDeps {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
  graceHours: number;
  logger: Logger;
}

export interface RotateKeysOptions {
  dryRun?: boolean;
  only?: string;
  /** Items rotated at the same time (default 4). */
  concurrency?: number;
  onProgress?: (progress: RotationProgress) => void;
}

export interface RotationProgress {
  itemsDone: number;
  itemsTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface RotationSummary {
  runId: number | null;
  items: number;
  rotated: number;
  failed: { mediaId: string; error: string }[];
  bytes: number;
  cleanup: CleanupOutcome;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function itemSize(assetsDir: string, item: MediaFile): Promise<number> {
  let total = 0;
  for (const dir of generationDirs(item)) total += await folderSize(path.join(assetsDir, dir));
  return total;
}

/**
 * The monthly rotation: every completed item moves to new keys (see rotateItem), one
 * at a time, under an advisory lock. A run killed at any point is resumed by the next
 * one (same record, same cutoff); old generations go after the grace period.
 */
export async function rotateKeys(deps: RotateKeysDeps, options: RotateKeysOptions = {}): Promise<RotationSummary> {
  const { db, logger } = deps;
  return withRotationLock(db, async () => {
    await rotation.markAbandonedRunsInterrupted(db);
    const firstCleanup = options.dryRun
      ? { removedGenerations: 0, removedOrphans: [] }
      : await cleanupGenerations(deps);

    const unfinished = options.only ? undefined : await rotation.findUnfinishedRun(db);
    const cutoff = unfinished?.started_at ?? new Date();
    const items = await rotation.listItemsToRotate(db, cutoff, options.only);
    const sizes = await Promise.all(items.map((item) => itemSize(deps.assetsDir, item)));
    const progress: RotationProgress = {
      itemsDone: 0,
      itemsTotal: items.length,
      bytesDone: 0,
      bytesTotal: sizes.reduce((a, b) => a + b, 0),
    };
    options.onProgress?.({ ...progress });

    if (options.dryRun) {
      items.forEach((item, i) =>
        logger.info({ mediaId: item.id, name: item.original_name, bytes: sizes[i] }, 'would rotate'),
      );
      return {
        runId: null,
        items: items.length,
        rotated: 0,
        failed: [],
        bytes: progress.bytesTotal,
        cleanup: firstCleanup,
      };
    }

    const host = os.hostname();
    const run = unfinished
      ? await rotation.resumeRun(db, unfinished.id, {
          host,
          pid: process.pid,
          itemsDone: (await rotation.countCompletedItems(db)) - items.length,
          itemsLeft: items.length,
        })
      : await rotation.startRun(db, {
          dryRun: false,
          onlyMediaId: options.only ?? null,
          host,
          pid: process.pid,
          itemsTotal: items.length,
        });
    if (unfinished) logger.info({ runId: run.id, itemsLeft: items.length }, 'resuming an interrupted key rotation');

    const failed: RotationSummary['failed'] = [];
    let bytes = 0;
    let settledBytes = 0;
    const inFlight = new Map<string, number>();
    const report = () =>
      options.onProgress?.({
        ...progress,
        bytesDone: settledBytes + [...inFlight.values()].reduce((a, b) => a + b, 0),
      });

    const rotateOne = async (item: MediaFile, size: number) => {
      const started = Date.now();
      inFlight.set(item.id, 0);
      try {
        await rotateItem(deps, item, (written) => {
          inFlight.set(item.id, (inFlight.get(item.id) ?? 0) + written);
          report();
        });
        const itemBytes = inFlight.get(item.id) ?? 0;
        await rotation.recordItemDone(db, run.id, itemBytes);
        bytes += itemBytes;
        logger.info(
          {
            mediaId: item.id,
            name: item.original_name,
            generation: item.generation + 1,
            bytes: itemBytes,
            ms: Date.now() - started,
          },
          'rotated',
        );
      } catch (error) {
        const failure = { mediaId: item.id, error: error instanceof Error ? error.message : String(error) };
        failed.push(failure);
        await rotation.recordItemFailed(db, run.id, failure);
        logger.error({ ...failure, name: item.original_name }, 'rotation failed; item stays on its current keys');
      }
      inFlight.delete(item.id);
      settledBytes += size;
      progress.itemsDone += 1;
      report();
    };

    // A few items at a time: re-encryption is CPU work and file I/O that overlap well.
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        await rotateOne(items[index]!, sizes[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, items.length) }, worker));

    await rotation.finishRun(db, run.id, 'completed');
    const cleanup = await cleanupGenerations(deps);
    return {
      runId: run.id,
      items: items.length,
      rotated: items.length - failed.length,
      failed,
      bytes,
      cleanup: {
        removedGenerations: firstCleanup.removedGenerations + cleanup.removedGenerations,
        removedOrphans: [...firstCleanup.removedOrphans, ...cleanup.removedOrphans],
      },
    };
  });
}
