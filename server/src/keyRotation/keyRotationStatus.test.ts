import { describe, expect, it } from 'vitest';
import type { RotationRun } from '@keepsake/database';
import { keyRotationStatus } from './keyRotationStatus.js';

const day = 24 * 3600_000;
const now = new Date('2026-11-23T12:00:00Z');
const finishedDaysAgo = (days: number) => ({ finished_at: new Date(now.getTime() - days * day) }) as RotationRun;
const keys = { count: 10, oldestCreatedAt: new Date(now.getTime() - 400 * day) };

describe('key rotation status', () => {
  it('is due 30 days after the last rotation and overdue only after 35', () => {
    const status = (days: number) =>
      keyRotationStatus({ lastCompleted: finishedDaysAgo(days), latest: undefined, keys }, now);
    expect(status(10)).toMatchObject({ overdue: false, next_due: new Date(now.getTime() + 20 * day).toISOString() });
    expect(status(34)).toMatchObject({ overdue: false });
    expect(status(36)).toMatchObject({ overdue: true });
  });

  it('counts from the oldest key before the first rotation, and says nothing with no keys', () => {
    expect(keyRotationStatus({ lastCompleted: undefined, latest: undefined, keys }, now)).toMatchObject({
      last_run: null,
      overdue: true,
    });
    expect(
      keyRotationStatus(
        { lastCompleted: undefined, latest: undefined, keys: { count: 0, oldestCreatedAt: null } },
        now,
      ),
    ).toMatchObject({ next_due: null, overdue: false });
  });
});
