import { rotation, type MediaFile } from '@keepsake/database';
import { type Logger } from '@keepsake/platform';
import { rotateItem, type RotateItemDeps } from './rotateItem.js';
import type { RotationPlan } from './rotationPlan.js';
import type { ProgressTracker } from './rotationProgress.js';

export interface ItemFailure {
  mediaId: string;
  error: string;
}

/**
 * Rotates every planned item, `concurrency` at a time: re-encryption is CPU work and file
 * I/O that overlap well. An item that fails is recorded and left on its current keys; the
 * others go on.
 */
export async function rotateEachItem(
  deps: RotateItemDeps & { logger: Logger },
  runId: number,
  plan: RotationPlan,
  progress: ProgressTracker,
  concurrency: number,
): Promise<{ failed: ItemFailure[]; bytes: number }> {
  const failed: ItemFailure[] = [];
  let bytes = 0;
  await atMostAtOnce(plan.items.length, concurrency, async (index) => {
    const item = plan.items[index]!;
    progress.begin(item.id);
    // Awaited first: `bytes += await …` would read `bytes` before the wait and lose the others' share.
    const written = await rotateAndRecord(deps, { runId, item, progress, failed });
    bytes += written;
    progress.settle(item.id, plan.sizes[index]!);
  });
  return { failed, bytes };
}

/** One item rotated and its outcome recorded in the run; returns the bytes written (0 when it failed). */
async function rotateAndRecord(
  deps: RotateItemDeps & { logger: Logger },
  work: { runId: number; item: MediaFile; progress: ProgressTracker; failed: ItemFailure[] },
): Promise<number> {
  const { db, logger } = deps;
  const { runId, item, progress } = work;
  const started = Date.now();
  try {
    await rotateItem(deps, item, (written) => progress.addWritten(item.id, written));
    const bytes = progress.written(item.id);
    await rotation.recordItemDone(db, runId, bytes);
    logger.info(
      { mediaId: item.id, name: item.original_name, generation: item.generation + 1, bytes, ms: Date.now() - started },
      'rotated',
    );
    return bytes;
  } catch (error) {
    const failure = { mediaId: item.id, error: error instanceof Error ? error.message : String(error) };
    work.failed.push(failure);
    await rotation.recordItemFailed(db, runId, failure);
    logger.error({ ...failure, name: item.original_name }, 'rotation failed; item stays on its current keys');
    return 0;
  }
}

/** Runs `work(0…count-1)` in order with at most `limit` running at once. */
async function atMostAtOnce(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
