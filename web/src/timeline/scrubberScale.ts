import type { MonthCount } from '../api/types';

export interface ScaleMonth extends MonthCount {
  /** Where the month starts and ends down the bar, 0–1, in proportion to the counts. */
  start: number;
  end: number;
}

/** Lays the months (in the order shown) down the bar, each as tall as its share of the items. */
export function scrubberScale(months: readonly MonthCount[]): ScaleMonth[] {
  const total = months.reduce((sum, month) => sum + month.count, 0);
  let at = 0;
  return months.map((month) => {
    const start = at;
    at += total > 0 ? month.count / total : 0;
    return { ...month, start, end: at };
  });
}

/** The month at `fraction` (0 top, 1 bottom) of the bar; the last one past the end. */
export function monthAt(scale: readonly ScaleMonth[], fraction: number): ScaleMonth | undefined {
  return scale.find((month) => fraction < month.end) ?? scale.at(-1);
}

/** The year labels worth drawing: the first month of each year, skipping any closer than `minGap` to the last one drawn. */
export function yearMarks(scale: readonly ScaleMonth[], minGap: number): { year: string; at: number }[] {
  const marks: { year: string; at: number }[] = [];
  let year = '';
  for (const month of scale) {
    const thisYear = month.month.slice(0, 4);
    if (thisYear === year) continue;
    year = thisYear;
    const last = marks.at(-1);
    if (!last || month.start - last.at >= minGap) marks.push({ year, at: month.start });
  }
  return marks;
}
