import { describe, expect, it } from 'vitest';
import { jumpStart } from './monthJump';

describe('jumpStart (where a jump to a month starts the page)', () => {
  it('newest first: everything before the next month, across a year end', () => {
    expect(jumpStart('2019-06', 'desc', 'taken')).toBe('2019-07-01T00:00:00.000Z');
    expect(jumpStart('2019-12', 'desc', 'created')).toBe('2020-01-01T00:00:00.000Z');
  });

  it("oldest first: from the month's first instant", () => {
    expect(jumpStart('2019-06', 'asc', 'taken')).toBe('2019-06-01T00:00:00.000Z');
  });

  it('no jump for a name order or something that is not a month', () => {
    expect(jumpStart('2019-06', 'desc', 'name')).toBeNull();
    for (const text of ['2019-13', '2019-6', 'June', '', '2019-06-01'])
      expect(jumpStart(text, 'desc', 'taken')).toBeNull();
  });
});
