import { expect } from 'vitest';
import type { HttpsAnswer } from '@keepsake/testkit';

/**
 * The headers nginx adds to every answer: exactly once each, and the Content-Security-Policy
 * the gallery was built under plus what only a header can say (no framing).
 */
export function expectSecurityHeaders(answer: HttpsAnswer, pagePolicy: string, what: string): void {
  expect(answer.headers['strict-transport-security'], what).toBe('max-age=31536000');
  expect(answer.headers['content-security-policy'], what).toBe(`${pagePolicy}; frame-ancestors 'none'`);
  expect(answer.headers['x-frame-options'], what).toBe('DENY');
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['referrer-policy'], what).toBe('no-referrer');
  expect(answer.headers['permissions-policy'], what).toBe(
    'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  );
}
