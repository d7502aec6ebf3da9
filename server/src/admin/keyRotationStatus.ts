import type { KeyRotationFacts } from '@keepsake/database';

/** Rotation runs monthly (cron); a few days late is still fine, more is worth a warning. */
const rotationEveryDays = 31;
const slackDays = 3;
const day = 24 * 3600_000;

export interface KeyRotationStatus {
  last_run: string | null;
  next_due: string | null;
  overdue: boolean;
  active_keys: number;
}

/**
 * Derived from the keys themselves: a rotation retires every key it replaces, so the newest
 * `retired_at` is the last run; before any rotation, the oldest key in use sets the due date.
 */
export function keyRotationStatus(facts: KeyRotationFacts, now = new Date()): KeyRotationStatus {
  const since = facts.lastRotatedAt ?? facts.oldestActiveKeyAt;
  const nextDue = since ? new Date(since.getTime() + rotationEveryDays * day) : null;
  return {
    last_run: facts.lastRotatedAt?.toISOString() ?? null,
    next_due: nextDue?.toISOString() ?? null,
    overdue: nextDue !== null && now.getTime() > nextDue.getTime() + slackDays * day,
    active_keys: facts.activeKeys,
  };
}
