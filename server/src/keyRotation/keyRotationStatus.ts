import type { KeysInUse, RotationRun } from '@keepsake/database';

/** The spec rotates every 30 days (cron, monthly); past 35 days without one the admin page warns. */
const rotationEveryDays = 30;
const overdueAfterDays = 35;
const day = 24 * 3600_000;

export interface KeyRotationStatus {
  last_run: string | null;
  next_due: string | null;
  overdue: boolean;
  /** The latest whole-library run, whatever became of it (running, failed, interrupted). */
  latest: { status: string; started_at: string; items_done: number; items_total: number; items_failed: number } | null;
  active_keys: number;
}

/**
 * When the monthly rotation last completed (rotation_runs), when the next one is due, and
 * whether it is overdue; before any rotation, the oldest key in use sets the due date.
 */
export function keyRotationStatus(
  facts: { lastCompleted: RotationRun | undefined; latest: RotationRun | undefined; keys: KeysInUse },
  now = new Date(),
): KeyRotationStatus {
  const lastRun = facts.lastCompleted?.finished_at ?? null;
  const since = lastRun ?? facts.keys.oldestCreatedAt;
  const nextDue = since ? new Date(since.getTime() + rotationEveryDays * day) : null;
  const { latest } = facts;
  return {
    last_run: lastRun?.toISOString() ?? null,
    next_due: nextDue?.toISOString() ?? null,
    overdue: since !== null && now.getTime() > since.getTime() + overdueAfterDays * day,
    latest: latest
      ? {
          status: latest.status,
          started_at: latest.started_at.toISOString(),
          items_done: latest.items_done,
          items_total: latest.items_total,
          items_failed: latest.items_failed,
        }
      : null,
    active_keys: facts.keys.count,
  };
}
