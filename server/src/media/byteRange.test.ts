import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byteRange.js';

describe('Range header', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
  ])('%s of 1000 bytes', (header, range) => {
    expect(parseByteRange(header, 1000)).toEqual({ kind: 'range', range });
  });

  it.each(['bytes=1000-', 'bytes=5-4', 'bytes=-0', 'bytes=99999999999999999999-'])('%s is unsatisfiable', (header) => {
    expect(parseByteRange(header, 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each([undefined, '', 'items=0-1', 'bytes=0-1,5-6', 'bytes=-', 'bytes=a-b'])(
    '%s means the whole file',
    (header) => {
      expect(parseByteRange(header, 1000)).toEqual({ kind: 'none' });
    },
  );
});
