import type { Logger } from '@keepsake/platform';
import type { CleanupOutcome } from './cleanupGenerations.js';
import type { ItemFailure } from './rotateEachItem.js';
import type { RotationPlan } from './rotationPlan.js';

export interface RotationSummary {
  runId: number | null;
  items: number;
  rotated: number;
  failed: ItemFailure[];
  bytes: number;
  cleanup: CleanupOutcome;
}

export function nothingCleaned(): CleanupOutcome {
  return { removedGenerations: 0, removedOrphans: [], removedErased: [] };
}

/** A dry run logs what it would rotate and changes nothing. */
export function dryRunSummary(logger: Logger, plan: RotationPlan, cleanup: CleanupOutcome): RotationSummary {
  plan.items.forEach((item, i) =>
    logger.info({ mediaId: item.id, name: item.original_name, bytes: plan.sizes[i] }, 'would rotate'),
  );
  return { runId: null, items: plan.items.length, rotated: 0, failed: [], bytes: plan.bytesTotal, cleanup };
}

export function runSummary(
  runId: number,
  plan: RotationPlan,
  outcome: { failed: ItemFailure[]; bytes: number },
  cleanups: [CleanupOutcome, CleanupOutcome],
): RotationSummary {
  const [first, last] = cleanups;
  return {
    runId,
    items: plan.items.length,
    rotated: plan.items.length - outcome.failed.length,
    failed: outcome.failed,
    bytes: outcome.bytes,
    cleanup: {
      removedGenerations: first.removedGenerations + last.removedGenerations,
      removedOrphans: [...first.removedOrphans, ...last.removedOrphans],
      removedErased: [...first.removedErased, ...last.removedErased],
    },
  };
}
