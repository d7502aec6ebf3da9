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

/** PostgreSQL's text form of a timestamptz ("2025-06-01 12:00:00.123456+00"), kept exact to the microsecond. */
const timestampText = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export function isTimestampAndId(values: unknown[]): values is [string, number] {
  return (
    values.length === 2 &&
    typeof values[0] === 'string' &&
    timestampText.test(values[0]) &&
    Number.isSafeInteger(values[1])
  );
}
