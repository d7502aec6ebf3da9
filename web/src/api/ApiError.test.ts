import { describe, expect, it } from 'vitest';
import { ApiError, retryAfterSeconds } from './ApiError';

describe('ApiError.fromResponse', () => {
  it('takes code, message and details from the error body', async () => {
    const response = new Response(
      JSON.stringify({ error: { code: 'AUTH_005', message: 'Too many attempts', details: { retry_after: 42 } } }),
      { status: 429, headers: { 'content-type': 'application/json' } },
    );
    const error = await ApiError.fromResponse(response);
    expect([error.status, error.code, error.message, error.retryAfterSeconds]).toEqual([
      429,
      'AUTH_005',
      'Too many attempts',
      42,
    ]);
  });

  it('falls back to the status when the body is not the error format', async () => {
    const error = await ApiError.fromResponse(new Response('<html>bad gateway</html>', { status: 502 }));
    expect(error.code).toBe('HTTP_502');
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date from Retry-After', () => {
    expect(retryAfterSeconds('120', undefined)).toBe(120);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:30 GMT', undefined, now)).toBe(90);
  });

  it('prefers the details and gives null when nothing says', () => {
    expect(retryAfterSeconds('5', { retryAfterSeconds: 9.2 })).toBe(10);
    expect(retryAfterSeconds(null, {})).toBeNull();
    expect(retryAfterSeconds('soon', undefined)).toBeNull();
  });
});
