import { describe, expect, it } from 'vitest';
import { monthAt, scrubberScale, yearMarks } from './scrubberScale';

describe('the timeline scrubber scale', () => {
  const scale = scrubberScale([
    { month: '2024-07', count: 50 },
    { month: '2024-01', count: 25 },
    { month: '2019-06', count: 20 },
    { month: '2010-01', count: 5 },
  ]);

  it('gives each month its share of the bar, in the order shown', () => {
    expect(scale.map(({ start, end }) => [start, end])).toEqual([
      [0, 0.5],
      [0.5, 0.75],
      [0.75, 0.95],
      [0.95, 1],
    ]);
  });

  it('finds the month under a point of the bar', () => {
    expect(monthAt(scale, 0)?.month).toBe('2024-07');
    expect(monthAt(scale, 0.8)?.month).toBe('2019-06');
    expect(monthAt(scale, 1.2)?.month).toBe('2010-01');
    expect(monthAt([], 0.5)).toBeUndefined();
  });

  it('labels each year once, leaving out labels that would overlap', () => {
    expect(yearMarks(scale, 0.25)).toEqual([
      { year: '2024', at: 0 },
      { year: '2019', at: 0.75 },
    ]);
    expect(yearMarks(scale, 0).map((mark) => mark.year)).toEqual(['2024', '2019', '2010']);
  });
});
