import { rotation, type Db } from '@keepsake/database';
import { type Logger } from '@keepsake/platform';
import { type KeyStore } from '@keepsake/vault';
import { cleanupGenerations } from './cleanupGenerations.js';
import { rotateEachItem } from './rotateEachItem.js';
import { planRotation } from './rotationPlan.js';
import { trackProgress, type RotationProgress } from './rotationProgress.js';
import { openRunRecord } from './rotationRecord.js';
import { dryRunSummary, nothingCleaned, runSummary, type RotationSummary } from './rotationSummary.js';
import { withRotationLock } from './rotationLock.js';

export type { RotationProgress } from './rotationProgress.js';
export type { RotationSummary } from './rotationSummary.js';

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

const DEFAULT_CONCURRENCY = 4;

/**
 * The monthly rotation, under an advisory lock: every completed item whose keys predate the
 * run moves to new keys (see rotateItem), four items at a time unless `concurrency` says
 * otherwise (never more than there are items; the CLI uses the default). A run killed at
 * any point is resumed by the next one (same record, same cutoff); old generations go after
 * the grace period, removed by the cleanup that runs before and after the items.
 */
export async function rotateKeys(deps: RotateKeysDeps, options: RotateKeysOptions = {}): Promise<RotationSummary> {
  return withRotationLock(deps.db, async () => {
    await rotation.markAbandonedRunsInterrupted(deps.db);
    const firstCleanup = options.dryRun ? nothingCleaned() : await cleanupGenerations(deps);
    const plan = await planRotation(deps, options.only);
    const progress = trackProgress({ itemsTotal: plan.items.length, bytesTotal: plan.bytesTotal }, options.onProgress);
    progress.report();
    if (options.dryRun) return dryRunSummary(deps.logger, plan, firstCleanup);

    const run = await openRunRecord(deps, plan, options.only);
    const outcome = await rotateEachItem(deps, run.id, plan, progress, options.concurrency ?? DEFAULT_CONCURRENCY);
    await rotation.finishRun(deps.db, run.id, 'completed');
    const lastCleanup = await cleanupGenerations(deps);
    return runSummary(run.id, plan, outcome, [firstCleanup, lastCleanup]);
  });
}
