import { ApiError } from '../errors/ApiError.js';

type CursorValue = string | number | null;

/** An opaque paging cursor: the sort key of the last row sent, so the next page starts right after it. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values back, checked against the shape expected; anything else is a 400, never a crash. */
export function decodeCursor<T extends CursorValue[]>(cursor: string, check: (values: unknown[]) => values is T): T {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid = Array.isArray(values) && values.every((v) => typeof v !== 'string' || !v.includes('\u0000'));
  if (!valid || !check(values as unknown[])) {
    throw new ApiError('SYSTEM_003', 'The cursor is not one this server gave out; start again from the first page.', [
      { in: 'querystring', field: 'cursor', message: 'is not valid' },
    ]);
  }
  return values as T;
}

/**
 * PostgreSQL's text form of a timestamptz ("2025-06-01 12:00:00.123456+00"), kept exact to the
 * microsecond. The fields are range-checked too: PostgreSQL refuses 2025-02-30 or 25:00 with an
 * error, which a forged cursor must not turn into a 500.
 */
const timestampText =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:([+-])(\d{2})(?::?(\d{2}))?|Z)?$/;

export function isTimestampText(value: unknown): value is string {
  const match = typeof value === 'string' ? timestampText.exec(value) : null;
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const [, , , , , , , , sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const date = new Date(Date.UTC(year!, month! - 1, day));
  return (
    year! >= 1 &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    (sign === undefined || (Number(offsetHours) <= 15 && Number(offsetMinutes) < 60))
  );
}

export function isTimestampAndId(values: unknown[]): values is [string, number] {
  return values.length === 2 && isTimestampText(values[0]) && Number.isSafeInteger(values[1]);
}
