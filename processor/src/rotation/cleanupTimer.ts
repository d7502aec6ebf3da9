import type { Logger } from '@keepsake/database';
import { cleanupGenerations, type CleanupDeps, type CleanupOutcome } from './cleanupGenerations.js';
import { ifGenerationsFree } from './rotationLock.js';

export interface CleanupTimerDeps extends CleanupDeps {
  logger: Logger;
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
 * long-running processor runs the cleanup at start and then every `intervalMs`.
 */
export function startCleanupTimer(deps: CleanupTimerDeps, intervalMs: number): CleanupTimer {
  const { logger } = deps;
  let running: Promise<void> | undefined;
  const pass = async () => {
    try {
      const outcome = await cleanupWhenFree(deps);
      if (outcome && (outcome.removedGenerations > 0 || outcome.removedOrphans.length > 0)) {
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
