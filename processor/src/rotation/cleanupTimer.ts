import { type Logger } from '@keepsake/platform';
import { purgeExpiredTrash } from '@keepsake/vault';
import { cleanupGenerations, type CleanupDeps, type CleanupOutcome } from './cleanupGenerations.js';
import { ifGenerationsFree } from './rotationLock.js';

export interface CleanupTimerDeps extends CleanupDeps {
  logger: Logger;
  /** TRASH_DAYS: each pass first deletes for good what has been in the trash longer. */
  trashDays: number;
}

export interface CleanupTimer {
  /** Clears the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * One cleanup pass, unless a rotation or another processor holds the generation folders
 * (undefined then: they clean up the same things).
 */
export async function cleanupWhenFree(deps: CleanupDeps, now = new Date()): Promise<CleanupOutcome | undefined> {
  return ifGenerationsFree(deps.db, () => cleanupGenerations(deps, now));
}

/**
 * Old generations end when their grace period does, not at the next monthly rotation: the
 * long-running processor runs the cleanup at start and then every `intervalMs`. The trash purge
 * rides on the same pass (an item is deleted at most `intervalMs` after its TRASH_DAYS end).
 */
export function startCleanupTimer(deps: CleanupTimerDeps, intervalMs: number): CleanupTimer {
  const { logger } = deps;
  let running: Promise<void> | undefined;
  const pass = async () => {
    try {
      // Erasure needs no lock (one transaction per item); the folders go in the cleanup below.
      const purged = await purgeExpiredTrash(deps);
      if (purged.length > 0) {
        logger.info(
          { items: purged.map((item) => item.id) },
          `deleted for good after ${deps.trashDays} days in the trash`,
        );
      }
      const outcome = await cleanupWhenFree(deps);
      if (
        outcome &&
        (outcome.removedGenerations > 0 || outcome.removedOrphans.length > 0 || outcome.removedErased.length > 0)
      ) {
        logger.info(outcome, 'removed old key generations after their grace period');
      }
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'old key generation cleanup failed; retrying on the next pass');
    }
  };
  const tick = () => {
    // A slow pass (a large library on a slow disk) is not started twice.
    running ??= pass().finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
