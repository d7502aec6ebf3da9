import { expect, test } from 'vitest';
import { latestPacketEnd } from './measureDuration.js';

test('the latest packet end is found across chunks that split lines, out of order and with N/A', () => {
  const end = latestPacketEnd();
  end.read('0.000000,0.033000\n4.8');
  end.read('72000,0.066000\nN/A,0.020000\n4.814000,N/A\n');
  end.read('2.000000,0.02');
  expect(end.value()).toBeCloseTo(4.938, 6);
});

test('no packets measure 0', () => {
  expect(latestPacketEnd().value()).toBe(0);
});
