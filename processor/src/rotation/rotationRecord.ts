import os from 'node:os';
import { rotation, type Db } from '@keepsake/database';
import { type Logger } from '@keepsake/platform';
import type { RotationPlan } from './rotationPlan.js';

/** The run's row in `rotation_runs`: the interrupted one taken over, or a new one. */
export async function openRunRecord(
  deps: { db: Db; logger: Logger },
  plan: RotationPlan,
  only?: string,
): Promise<{ id: number }> {
  const { db, logger } = deps;
  const host = os.hostname();
  const itemsLeft = plan.items.length;
  if (plan.resumesRunId === undefined) {
    return rotation.startRun(db, {
      dryRun: false,
      onlyMediaId: only ?? null,
      host,
      pid: process.pid,
      itemsTotal: itemsLeft,
    });
  }
  const run = await rotation.resumeRun(db, plan.resumesRunId, {
    host,
    pid: process.pid,
    itemsDone: (await rotation.countCompletedItems(db)) - itemsLeft,
    itemsLeft,
  });
  logger.info({ runId: run.id, itemsLeft }, 'resuming an interrupted key rotation');
  return run;
}
