import { expect, test } from 'vitest';
import { addSample, bytesPerSecond, secondsLeft, type Sample } from './transferRate';

test('speed over the last five seconds, and the time left at that pace', () => {
  let samples: Sample[] = [];
  for (const [at, bytes] of [
    [0, 0],
    [1_000, 1_000_000],
    [6_000, 2_000_000],
    [7_000, 4_000_000],
  ] as const) {
    samples = addSample(samples, { at, bytes });
  }
  // Samples older than five seconds are gone by then: 2 MB in the last second.
  expect(bytesPerSecond(samples)).toBe(2_000_000);
  expect(secondsLeft(500_000, 1_000_000)).toBe(2);
  expect(secondsLeft(null, 10)).toBeNull();
  expect(bytesPerSecond([{ at: 0, bytes: 0 }])).toBeNull();
});
