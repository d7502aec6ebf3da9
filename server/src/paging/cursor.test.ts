import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/ApiError.js';
import { decodeCursor, encodeCursor, isTimestampAndId, isTimestampText } from './cursor.js';

describe('paging cursors', () => {
  it('accepts the timestamps PostgreSQL writes', () => {
    for (const text of [
      '2025-06-01 12:00:00.123456+00',
      '2024-02-29 23:59:59+05:30',
      '2025-06-01T12:00:00Z',
      '2025-06-01 12:00:00',
    ]) {
      expect(isTimestampText(text), text).toBe(true);
    }
  });

  it('refuses timestamps PostgreSQL would reject with an error (a forged cursor is a 400, not a 500)', () => {
    for (const text of [
      '2025-02-30 10:00:00+00',
      '2025-13-01 10:00:00+00',
      '2023-02-29 10:00:00+00',
      '2025-06-01 24:00:00+00',
      '2025-06-01 12:60:00+00',
      '2025-06-01 12:00:61+00',
      '2025-06-01 12:00:00+16',
      '0000-01-01 00:00:00+00',
      'garbage',
    ]) {
      expect(isTimestampText(text), text).toBe(false);
    }
  });

  it('checks the row id beside the timestamp', () => {
    expect(isTimestampAndId(['2025-06-01 12:00:00+00', 7])).toBe(true);
    expect(isTimestampAndId(['2025-06-01 12:00:00+00', 1.5])).toBe(false);
    expect(isTimestampAndId(['2025-02-30 12:00:00+00', 7])).toBe(false);
  });

  it('decodes what it encoded and answers anything else with SYSTEM_003', () => {
    const cursor = encodeCursor(['2025-06-01 12:00:00.5+00', 7]);
    expect(decodeCursor(cursor, isTimestampAndId)).toEqual(['2025-06-01 12:00:00.5+00', 7]);
    const forged = encodeCursor(['2025-02-30 00:00:00+00', 7]);
    expect(() => decodeCursor(forged, isTimestampAndId)).toThrow(ApiError);
    expect(() => decodeCursor('%%%', isTimestampAndId)).toThrow(ApiError);
  });
});
