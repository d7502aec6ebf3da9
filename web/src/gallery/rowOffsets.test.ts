import { describe, expect, it } from 'vitest';
import { buildRows, monthGrouping } from './buildRows';
import { fakeItem } from './fakeItem';
import { offsetOfItem, rowAt } from './rowOffsets';

const grouping = monthGrouping((item) => item.created_at);
const sizeOf = (row: { kind: string }) => (row.kind === 'header' ? 50 : 100);

describe('row offsets', () => {
  const rows = buildRows(
    [
      fakeItem('a', '2024-07-02T00:00:00Z'),
      fakeItem('b', '2024-07-01T00:00:00Z'),
      fakeItem('c', '2024-06-01T00:00:00Z'),
    ],
    1,
    grouping,
  );

  it('finds where the row of an item starts, so the view can stay on it when rows are put above', () => {
    expect(offsetOfItem(rows, 'a', sizeOf)).toBe(50);
    expect(offsetOfItem(rows, 'c', sizeOf)).toBe(300);
    expect(offsetOfItem(rows, 'gone', sizeOf)).toBeNull();
  });

  it('finds the row at a scroll offset', () => {
    expect([0, 49, 50, 260, 10_000].map((offset) => rowAt(rows, offset, sizeOf))).toEqual([0, 0, 1, 3, 4]);
  });
});
