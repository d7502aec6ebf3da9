import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { uuidSource } from '@keepsake/contracts';

/** `<session id>.<32 random bytes>`: the session id finds the row, the random part proves possession. */
const tokenPattern = new RegExp(`^(${uuidSource})\\.([A-Za-z0-9_-]{43})$`);

export function newRefreshToken(sessionId: string): string {
  return `${sessionId}.${randomBytes(32).toString('base64url')}`;
}

/** The token is 256 bits of randomness, so a plain SHA-256 is enough to store it safely. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function refreshTokenSessionId(token: string): string | null {
  return tokenPattern.exec(token)?.[1] ?? null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
