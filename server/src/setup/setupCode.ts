import { createHmac, timingSafeEqual } from 'node:crypto';

/** No 0/O or 1/I/L: the code is read off a log and typed on a phone. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The one-time code that lets the first admin be created in the browser. Derived from the
 * install's URL-signing secret, so it is the same after a restart and needs no storage; it
 * opens nothing once a user exists.
 */
export function setupCode(urlSigningSecret: string): string {
  const digest = createHmac('sha256', urlSigningSecret).update('keepsake first admin setup').digest();
  const chars = [...digest.subarray(0, 12)].map((byte) => alphabet[byte % alphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}

/** Case, spaces and dashes are forgiven; the comparison takes the same time whatever was typed. */
export function setupCodeMatches(expected: string, typed: string): boolean {
  const normalise = (code: string) => Buffer.from(code.toUpperCase().replace(/[\s-]/g, ''));
  const a = normalise(expected);
  const b = normalise(typed);
  return a.length === b.length && timingSafeEqual(a, b);
}
